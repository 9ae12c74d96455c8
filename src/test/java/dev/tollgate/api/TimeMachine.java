package dev.tollgate.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.time.Duration;
import java.time.Instant;

/** Test-only: the API's clock, movable forward so that a throttling window passes without waiting for it. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TimeMachine extends ApiClock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }

    public void travel(Duration duration) {
        offset = offset.plus(duration);
    }
}
