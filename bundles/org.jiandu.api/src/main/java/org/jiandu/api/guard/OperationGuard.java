package org.jiandu.api.guard;

/**
 * A check consulted before an operation (Art. 12 of 法〔2021〕322号: 违规操作自动拦截). Guards are whiteboard
 * services: register one under this interface and the guard registry consults it for every check from then on,
 * until the service goes away.
 *
 * <p>Contract: {@link #check(Operation)} is called synchronously on the HTTP request thread of
 * {@code POST /api/v1/guard/check}, once per check, possibly concurrently for different operations. It must be
 * quick (aim for well under 10 ms) and must not block on anything but the database. It answers ALLOW for operation
 * types it does not care about. Throwing is a defect of the guard: the registry records it and answers DENY for
 * that guard (fail closed), naming the guard and the error, so that a broken guard never lets an operation pass
 * silently. The one exception is {@link org.jiandu.api.ValidationException}: a guard throws it when the operation's
 * details are bad (missing, negative or absurd values), naming the field ({@code details.amount}); the registry
 * then records no check and the caller gets HTTP 400 with that field. Use it for the caller's input only, never
 * for the guard's own failures.
 *
 * <p>A guard that checks operation types not listed in {@link OperationTypes} declares them with the service property
 * {@link OperationTypes#SERVICE_PROPERTY} ({@code jiandu.guard.operationTypes}); the registry refuses an operation
 * type that neither {@link OperationTypes#ALL} nor an installed guard names.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface OperationGuard {

    /** A stable id, e.g. {@code seizure.over-seizure}; shown in verdicts and in the record of each check. */
    String id();

    Verdict check(Operation operation);
}
