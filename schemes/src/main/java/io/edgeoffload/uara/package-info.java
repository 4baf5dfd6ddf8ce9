/**
 * UARA (seed 004): pricing-based user association and closed-form resource allocation. The system
 * model of Sec. 3 (eqs. 1–21, problem P1), the problem data {@link
 * io.edgeoffload.uara.UaraInstance}, its random generator {@link io.edgeoffload.uara.Scenario}, the
 * online environment {@code uara-v1} in which every device always has a task, and the scheme
 * wiring. Solvers live in the sub-packages: {@code allocation} (closed forms, eqs. 22–24, and the
 * objective), {@code pricing} (Algorithm 1), {@code exhaustive} (all associations) and {@code
 * baseline}.
 */
package io.edgeoffload.uara;
