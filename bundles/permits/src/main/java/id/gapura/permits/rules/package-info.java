/**
 * The region's rules as pure classes: identity numbers (NIK, NIB), fee (retribusi) rules, permit number
 * formats, validity and renewal periods.
 */
package id.gapura.permits.rules;
