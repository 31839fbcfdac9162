package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A use case that remembers the command it got and answers with a fixed outcome. */
final class RecordingExecute {

    static final ExecuteOutcome EMPTY_RESULT = new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 0,
            false, 10_000);

    private final AtomicReference<ExecuteCommand> received = new AtomicReference<>();

    ExecuteEndpoint answering(ExecuteOutcome outcome) {
        return (command, sink) -> {
            received.set(command);
            if (outcome instanceof ExecuteOutcome.Executed) {
                sink.columns(List.of());
            }
            return outcome;
        };
    }

    ExecuteEndpoint answeringEmptyResult() {
        return answering(EMPTY_RESULT);
    }

    ExecuteCommand command() {
        ExecuteCommand command = received.get();
        if (command == null) {
            throw new AssertionError("the use case was not called");
        }
        return command;
    }

    boolean called() {
        return received.get() != null;
    }

    ExecuteInput input() {
        return command().input();
    }

    static ExecuteOutcome rejected(RejectionCode code, String detail) {
        return new ExecuteOutcome.Rejected(Rejection.of(code, detail));
    }
}
