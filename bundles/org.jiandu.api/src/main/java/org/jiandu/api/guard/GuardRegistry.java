package org.jiandu.api.guard;

/**
 * Consults every installed {@link OperationGuard} about an operation and records the check (who asked, the
 * operation, every verdict). Registered by the ledger bundle; {@code POST /api/v1/guard/check} is its REST face.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GuardRegistry {
    GuardCheck check(Operation operation);
}
