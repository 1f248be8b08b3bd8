package io.wampspring.boot.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application for the slice's own tests: a calculator, an event collector and a bean
 * the slice must leave out.
 */
@SpringBootApplication
public class TestApplication {

}
