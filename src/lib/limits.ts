/**
 * Business limits, one constant each, shared by the API's input schema, the forms and the fake HeyGen.
 */

/** HeyGen refuses a script of 5,000 characters or more (its documented limit; v3 states none, so keep under it). */
export const SCRIPT_MAX_LENGTH = 4_999;

export const TITLE_MAX_LENGTH = 200;

/** HeyGen look and voice ids are short; anything longer is a mistake, not an id. */
export const HEYGEN_ID_MAX_LENGTH = 200;
