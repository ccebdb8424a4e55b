package io.jxengine.testreport;

/**
 * The test report one step of a run recorded.
 *
 * @param stage the stage's name
 * @param step the step's name
 * @param report what it found
 */
public record StepTestReport(String stage, String step, TestReport report) {}
