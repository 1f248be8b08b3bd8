package io.wampspring.boot.test.app;

import org.springframework.stereotype.Service;

/**
 * A bean without WAMP handlers: a {@code @WampTest} leaves it out.
 */
@Service
public class UnrelatedService {

}
