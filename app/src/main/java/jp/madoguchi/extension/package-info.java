/**
 * Procedure extensions: the one place for Java that belongs to a single procedure, where a rule cannot
 * be data (BPMN, forms, DMN) or a generic building block, e.g. the legal calculation of 児童手当 in
 * {@code childallowance}. One sub-package per procedure, named after it; each exposes its steps as
 * {@code @ProcedureBuildingBlock} beans and nothing else uses it.
 */
package jp.madoguchi.extension;
