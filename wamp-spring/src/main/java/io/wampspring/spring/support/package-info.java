/**
 * Support types shared by handlers and the template: the JSON value converter and what
 * handlers may receive or return.
 */
@NullMarked
package io.wampspring.spring.support;

import org.jspecify.annotations.NullMarked;
