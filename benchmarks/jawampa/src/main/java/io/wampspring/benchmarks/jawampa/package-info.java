/**
 * jawampa 0.5.0 as a benchmark peer: a caller ({@link JawampaCaller}) and a router
 * ({@link JawampaRouter}), each a process of its own.
 */
package io.wampspring.benchmarks.jawampa;
