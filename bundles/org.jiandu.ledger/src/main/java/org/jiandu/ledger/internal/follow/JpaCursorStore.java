package org.jiandu.ledger.internal.follow;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

/** {@link CursorStore} on table {@code JD_FOLLOWER_CURSOR}, locking the consumer's row for each change. */
final class JpaCursorStore implements CursorStore {
    private final EntityManagerFactory emf;

    JpaCursorStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public Lease acquire(String consumerId, String node, long now, long leaseMillis, long initialIndex) {
        try {
            return inTransaction(em -> {
                FollowerCursorEntity c = em.find(FollowerCursorEntity.class, consumerId, LockModeType.PESSIMISTIC_WRITE);
                if (c == null) {
                    em.persist(new FollowerCursorEntity(consumerId, initialIndex, 0, node, now + leaseMillis, now));
                    return new Lease(true, node, initialIndex, 0);
                }
                if (node.equals(c.getLeaseOwner()) || c.getLeaseUntil() < now || c.getLeaseOwner() == null) {
                    c.lease(node, now + leaseMillis, now);
                    return new Lease(true, node, c.getNextIndex(), c.getPosition());
                }
                return new Lease(false, c.getLeaseOwner(), c.getNextIndex(), c.getPosition());
            });
        } catch (PersistenceException e) {
            // another node created the row at the same moment: it holds the lease; we look again next time
            return new Lease(false, null, initialIndex, 0);
        }
    }

    @Override
    public boolean move(String consumerId, String node, long nextIndex, long position, long now, long leaseMillis) {
        return inTransaction(em -> {
            FollowerCursorEntity c = em.find(FollowerCursorEntity.class, consumerId, LockModeType.PESSIMISTIC_WRITE);
            if (c == null || !node.equals(c.getLeaseOwner())) {
                return false;
            }
            c.moveTo(nextIndex, position, now);
            c.lease(node, now + leaseMillis, now);
            return true;
        });
    }

    @Override
    public void release(String consumerId, String node, long now) {
        inTransaction(em -> {
            FollowerCursorEntity c = em.find(FollowerCursorEntity.class, consumerId, LockModeType.PESSIMISTIC_WRITE);
            if (c != null && node.equals(c.getLeaseOwner())) {
                c.lease(null, 0, now);
            }
            return null;
        });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
