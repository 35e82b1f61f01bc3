/**
 * The application lifecycle as pure, stateless classes: the stages, the steps officers take, which step
 * leads where for a permit type's set of stages, who may take each step, and the service-level clock.
 */
package id.gapura.permits.workflow;
