package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Clazz.QUERY;
import aQute.bnd.osgi.Instruction;
import aQute.bnd.osgi.Jar;

/**
 * Every public interface of the API says who implements it: {@code @ProviderType} (Jiandu implements it; adding a
 * method is a minor change for its users) or {@code @ConsumerType} (integrators implement it; adding a method breaks
 * them, a major change). Without it the baseline check would treat every interface as a consumer type.
 */
class ApiTypeRolesTest {

    @Test
    void everyPublicApiInterfaceIsMarkedProviderOrConsumerType() throws Exception {
        List<String> unmarked = new ArrayList<>();
        int interfaces = 0;
        try (Jar jar = new Jar(Path.of(System.getProperty("user.dir"), "target/classes").toFile());
                Analyzer analyzer = new Analyzer(jar)) {
            analyzer.analyze();
            Instruction role = new Instruction("org.osgi.annotation.versioning.(Provider|Consumer)Type");
            for (Clazz c : analyzer.getClassspace().values()) {
                if (!c.isInterface() || c.isAnnotation() || !c.isPublic()
                        || !c.getClassName().getPackageRef().getFQN().startsWith("org.jiandu.api")) {
                    continue;
                }
                interfaces++;
                if (!c.is(QUERY.ANNOTATED, role, analyzer)) {
                    unmarked.add(c.getFQN());
                }
            }
        }
        assertTrue(interfaces >= 8, "the API's interfaces were found (" + interfaces + ")");
        assertTrue(unmarked.isEmpty(), "API interfaces without @ProviderType or @ConsumerType: " + unmarked);
    }
}
