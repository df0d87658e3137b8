package org.jiandu.ledger.internal;

import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** In-memory Derby databases of the ledger's tests. */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** Drops the in-memory database {@code name}; Derby answers a dropped database with SQL state 08006. */
    public static void drop(String name) throws SQLException {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }
}
