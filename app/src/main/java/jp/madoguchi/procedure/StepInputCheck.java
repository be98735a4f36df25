package jp.madoguchi.procedure;

/**
 * A building block that tells, when a procedure is deployed, whether a value written out for one of its
 * input parameters will do when the step runs. A value given by an expression is only known then.
 */
public interface StepInputCheck {

  /** Why the value written for the input will not do, as {Japanese, English}; null when it will. */
  String[] problem(String input, String written);
}
