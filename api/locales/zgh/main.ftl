# ⵜⴰⵡⴰⵚⵍ: ⵜⵉⵣⵏⴰⵏ ⵙ ⵜⵎⴰⵣⵉⵖⵜ. Translations into Standard Moroccan Tamazight await review by a
# native speaker (docs/translations.md). Keys must exist in ar, fr and zgh (a test checks).

## Problems (RFC 9457)

problem-not-found-title = ⵓⵔ ⵉⵜⵜⵢⴰⴼⴰ
problem-not-found-description = ⵓⵔ ⵉⵍⵍⵉ ⵡⴰⵍⵓ ⴳ ⵜⵏⵙⴰ ⴰ, ⵏⵖ ⵉⵙⵎⵉ ⵏⵏⴰ ⵜⵙⵙⵓⵜⵔⴷ ⵓⵔ ⵉⵍⵍⵉ.
problem-method-not-allowed-title = ⵜⴰⵖⴰⵔⴰⵙⵜ ⵓⵔ ⵜⵜⵓⵙⵓⵔⴼ
problem-method-not-allowed-description = ⵜⴰⵏⵙⴰ ⴰ ⵜⵍⵍⴰ, ⵎⴰⵛ ⵓⵔ ⵜⵇⴱⵉⵍ ⵜⴰⵖⴰⵔⴰⵙⵜ ⴰ ⵏ HTTP. ⴰⵣⵡⵍ Allow ⵉⵙⵎⴰⵍ ⵜⵉⵖⴰⵔⴰⵙⵉⵏ ⵉⵜⵜⵓⵇⴱⴰⵍⵏ.
problem-payload-too-large-title = ⴰⴳⴱⵓⵔ ⵉⵎⵇⵇⵓⵔ ⴱⴰⵀⵔⴰ
problem-payload-too-large-description = ⴰⴳⴱⵓⵔ ⵏ ⵓⵙⵓⵜⵔ ⵉⵣⵔⵉ ⵜⴰⴱⴷⴰⴷⵜ ⵜⴰⵎⵇⵇⵔⴰⵏⵜ ⵏⵏⴰ ⵉⵇⴱⵍ ⵓⵎⴰⴽⴰⵢ ⴰ.
problem-unsupported-media-type-title = ⴰⵏⴰⵡ ⵏ ⵓⴳⴱⵓⵔ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ
problem-unsupported-media-type-description = ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵓⴳⴱⵓⵔ ⵙ JSON, ⴰⴽⴷ ⵓⵣⵡⵍ Content-Type: application/json.
problem-malformed-body-title = ⴰⴳⴱⵓⵔ ⵓⵔ ⵉⵜⵜⵓⵖⵔⴰ
problem-malformed-body-description = ⴰⴳⴱⵓⵔ ⵏ ⵓⵙⵓⵜⵔ ⵓⵔ ⵉⴳⵉ JSON ⵉⵖⵓⴷⴰⵏ ⵙ UTF-8.
problem-validation-title = ⴽⵔⴰ ⵏ ⵢⵉⴳⵔⴰⵏ ⵓⵔ ⵖⵓⴷⴰⵏ
problem-validation-description = ⴰⴳⴱⵓⵔ ⴷ JSON ⵉⵖⵓⴷⴰⵏ, ⵎⴰⵛ ⴽⵔⴰ ⵏ ⵢⵉⴳⵔⴰⵏ ⵓⵔ ⵜⵜⵡⴰⵙⵙⵏⵏ, ⵏⵖ ⵅⵚⵚⴰⵏ, ⵏⵖ ⵓⵔ ⵖⵓⴷⴰⵏ. ⵜⴰⵍⴳⴰⵎⵜ errors ⵜⵙⵎⴰⵍ ⴽⵓ ⵉⴳⵔ ⵙ ⵓⵙⵏⵎⴰⵍ JSON (RFC 6901).
problem-invalid-parameter-title = ⴰⵎⵙⴽⵉⵍ ⵓⵔ ⵉⵖⵓⴷⴰ
problem-invalid-parameter-description = ⵢⴰⵏ ⵓⵎⵙⴽⵉⵍ ⵏ ⵜⵏⵙⴰ (ⴷⴼⴼⵉⵔ ?) ⵓⵔ ⵖⵓⵔⵙ ⴰⵣⴰⵍ ⵉⵖⵓⴷⴰⵏ. ⵜⴰⵍⴳⴰⵎⵜ errors ⵜⵙⵎⴰⵍ ⴽⵓ ⴰⵎⵙⴽⵉⵍ.
problem-conflict-title = ⴰⵎⵏⵖⵉ ⴷ ⵓⴷⴷⴰⴷ ⵏ ⵖⵉⵍⴰ
problem-conflict-description = ⴰⵙⵓⵜⵔ ⵉⵖⵓⴷⴰ, ⵎⴰⵛ ⵓⵔ ⵉⵎⵙⴰⵙⴰ ⴷ ⵓⴷⴷⴰⴷ ⵏ ⵓⵙⵎⵉ ⵖⵉⵍⴰ (ⵉⵜⵜⵓⴳⴰ ⵢⴰⴷ, ⵏⵖ ⵜⴰⵙⵓⵔⵉⴼⵜ ⵓⵔ ⵉⵜⵜⴰⴹⴼⵕⵏ ⵜⴰⵣⵡⴰⵔⵓⵜ).
problem-unauthorized-title = ⵉⵇⵇⴰⵏ ⵓⴽⵛⵛⵓⵎ
problem-unauthorized-description = ⵜⴰⵎⵙⴽⵉⵍⵜ ⴰ ⵜⵔⴰ ⴰⴷ ⵜⴽⵛⵎⴷ ⵙ ⵢⴰⵏ ⵓⵙⵉⵍⵖ ⵏ ⵓⴽⵛⵛⵓⵎ ⵉⵖⵓⴷⴰⵏ (ⴰⵣⵡⵍ Authorization: Bearer), ⵏⵖ ⵉⵙⴼⴽⴰ ⵏ ⵓⴽⵛⵛⵓⵎ ⵓⵔ ⵖⵓⴷⴰⵏ.
problem-forbidden-title = ⵜⴰⵎⵙⴽⵉⵍⵜ ⵓⵔ ⵜⵜⵓⵙⵓⵔⴼ
problem-forbidden-description = ⵜⴽⵛⵎⴷ, ⵎⴰⵛ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵓⵔ ⵉⵙⵓⵔⴼ ⵜⴰⵎⵙⴽⵉⵍⵜ ⴰ (ⴰⵏⵙⴰ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⵜⵎ, ⵏⵖ ⴰⵎⵉⴹⴰⵏ ⵉⵜⵜⵓⵃⴱⵙⵏ, ⵏⵖ ⴰⵙⵜⵜⴰⵢ ⵉⵅⵚⵚⴰⵏ).
problem-invalid-token-title = ⴰⵙⵖⵏ ⵏⵖ ⴰⵙⵉⵍⵖ ⵓⵔ ⵉⵖⵓⴷⴰ
problem-invalid-token-description = ⴰⵙⵖⵏ ⵏⵖ ⴰⵙⵉⵍⵖ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏ, ⵏⵖ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷ, ⵏⵖ ⵢⵉⵡⵉⵙ ⵓⴽⵓⴷ ⵏⵏⵙ. ⵙⵓⵜⵔ ⵢⴰⵏ ⵓⵎⴰⵢⵏⵓ.
problem-too-many-requests-title = ⴰⵟⵟⴰⵙ ⵏ ⵓⵔⵎⴰⵏ
problem-too-many-requests-description = ⴰⵟⵟⴰⵙ ⵏ ⵉⵙⵓⵜⵔⴰ ⴳ ⵢⴰⵏ ⵓⴽⵓⴷ ⵉⵎⵥⵥⵉⵏ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⵜⴰⵣⵎⵣ ⵏⵏⴰ ⵉⵙⵎⴰⵍ ⵓⵣⵡⵍ Retry-After.
problem-forbidden-transition-title = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵙⵏⴼⵍ ⵏ ⵓⴷⴷⴰⴷ
problem-forbidden-transition-description = ⴰⵎⵓⴽⵔⴰⴹ ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵣⵔⵉ ⵙⴳ ⵓⴷⴷⴰⴷ ⵏⵏⵙ ⵖⵔ ⵓⵏⵏⴰ ⵉⵜⵜⵓⵙⵓⵜⵔⵏ, ⵏⵖ ⵉⵣⵔⵉ ⵓⴽⵓⴷ ⵏ ⵓⵔⵣⵣⵓⵎ ⵏⵏⵙ.
problem-internal-title = ⵜⴰⵣⴳⵍⵜ ⵜⴰⴳⵯⵏⵙⴰⵏⵜ
problem-internal-description = ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵏⵓⵎⵎⵍ ⵖⵓⵔⵏⵖ. ⵓⵔ ⵉⵜⵜⵓⵃⴹⴰ ⵡⴰⵍⵓ ⵙ ⵓⵣⴳⵏ. ⵙⵎⴰⵍ ⴰⵙⵓⵎⴰⵏ ⵏ ⵓⵙⵓⵜⵔ ⵎⴰ ⵜⵏⵏⵉⴷ ⴼⵍⴰⵙ.
problem-service-unavailable-title = ⵜⴰⵏⴰⴼⵓⵜ ⵓⵔ ⵜⵍⵍⵉ ⵖⵉⵍⴰ
problem-service-unavailable-description = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⴰⴽⴰⵢ ⴰⴷ ⵢⴰⵔⵓ ⵖⵉⵍⴰ (ⵜⴰⵙⵉⵍⴰ ⵏ ⵢⵉⵙⴼⴽⴰ ⵓⵔ ⵜⵍⵍⵉ ⵏⵖ ⵜⵜⵓⵙⵎⴰⵢⵏⵓⵜ). ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⵜⴰⵣⵎⵣ ⵏⵏⴰ ⵉⵙⵎⴰⵍ ⵓⵣⵡⵍ Retry-After.

problem-page-status = ⴰⴷⴷⴰⴷ HTTP
problem-page-type = ⴰⵏⴰⵡ
problem-page-back = ⴰⵙⵎⵉⵍ ⵏ API

## Details

detail-route-not-found = ⵓⵔ ⵉⵍⵍⵉ ⵡⴰⵍⵓ ⴳ ⵜⵏⵙⴰ { $path }.
detail-commune-not-found = ⵓⵔ ⵜⵍⵍⵉ ⵜⵊⵎⴰⵄⵜ ⵙ ⵓⵙⵓⵎⴰⵏ « { $slug } ».
detail-method-not-allowed = ⵜⴰⵏⵙⴰ ⴰ ⵜⵇⴱⵍ: { $allow }.
detail-payload-too-large = ⴰⴳⴱⵓⵔ ⵉⵣⵔⵉ { $limit } ⵏ ⵢⵉⵜⵜⴰⵎⵏ.
detail-unsupported-media-type = ⴰⵣⵏ ⴰⴳⴱⵓⵔ ⵙ application/json.
detail-malformed-body = ⴰⴳⴱⵓⵔ ⵓⵔ ⵉⴳⵉ JSON ⵉⵖⵓⴷⴰⵏ (ⵉⵔⵉ { $line }, ⵜⴰⴳⵊⴷⵉⵜ { $column }).
detail-validation = ⵙⵖⵓⴷⵓ ⵉⴳⵔⴰⵏ ⵏⵏⴰ ⵍⵍⴰⵏ ⴳ errors.
detail-invalid-parameter = ⵙⵖⵓⴷⵓ ⵉⵎⵙⴽⵉⵍⵏ ⵏⵏⴰ ⵍⵍⴰⵏ ⴳ errors.
detail-outbox-not-found = ⵓⵔ ⵜⵍⵍⵉ ⵜⴱⵔⴰⵜ { $id } ⴳ ⵜⴰⴳⵓⵔⵉ ⵏ ⵜⵓⵣⵏⴰ.
detail-outbox-not-dead = ⵜⴰⴱⵔⴰⵜ { $id } ⵓⵔ ⵜⵜⵓⴼⵍ: ⵖⴰⵙ ⵜⵉⴱⵔⴰⵜⵉⵏ ⵉⵜⵜⵓⴼⵍⵏ ⴰⵢ ⵉⵜⵜⵓⵔⴰⵔⵏ ⵖⵔ ⵜⴳⵓⵔⵉ.
detail-bad-credentials = ⴰⵏⵙⴰ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵓⵔ ⵉⵖⵓⴷⴰ.
detail-not-authenticated = ⴽⵛⵎ ⴰⴷ ⵜⵙⴽⵔⴷ ⴰⵢⴰ.
detail-invalid-token = ⴰⵙⵖⵏ ⴰ ⵓⵔ ⵉⵖⵓⴷⴰ ⵖⵉⵍⴰ: ⵙⵓⵜⵔ ⵢⴰⵏ ⵓⵎⴰⵢⵏⵓ.
detail-too-many-requests = ⴰⵟⵟⴰⵙ ⵏ ⵓⵔⵎⴰⵏ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ.
detail-banned = ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵉⵜⵜⵓⵃⴱⵙ.
detail-unverified = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⵣⵡⴰⵔ ⵙ ⵓⵙⵖⵏ ⵏⵏⴰ ⴷ ⵉⵍⴽⵎⵏ ⵙ ⵜⵏⴰⵎⴰⵍⵜ.
detail-not-permitted = ⴰⵙⵜⵜⴰⵢ ⵏⵏⴽ ⵓⵔ ⵉⵙⵓⵔⴼ ⵜⴰⵎⵙⴽⵉⵍⵜ ⴰ.
detail-user-not-found = ⵓⵔ ⵉⵍⵍⵉ ⵓⵎⵉⴹⴰⵏ { $id }.
detail-organisation-not-found = ⵓⵔ ⵜⵍⵍⵉ ⵜⵎⵓⵙⵙⵓⵏⵜ { $id }.
detail-registration-accepted = ⵎⴰ ⵉⵣⵎⵔ ⵓⵏⵙⴰ ⴰ ⴰⴷ ⵢⴰⵡⴹ ⵜⵉⴱⵔⴰⵜⵉⵏ, ⵜⵜⵓⵣⵏ ⵖⵔⵙ ⵢⴰⵜ ⵜⴱⵔⴰⵜ ⵙ ⵜⵙⵓⵔⵉⴼⵜ ⵜⴰⵎⴹⴼⴰⵔⵜ.
detail-issue-not-found = ⵓⵔ ⵉⵍⵍⵉ ⵓⵎⵓⴽⵔⴰⴹ { $id }.
detail-forbidden-transition = ⴰⵎⵓⴽⵔⴰⴹ « { $from } » ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⴳ « { $to } ».
detail-reopen-window-closed = ⴰⵎⵓⴽⵔⴰⴹ ⵉⵜⵜⵓⴼⵙⵙⵢⵏ ⵉⵣⵎⵔ ⴰⴷ ⵉⵜⵜⵓⵔⵣⵎ ⴳ 30 ⵏ ⵡⵓⵙⵙⴰⵏ ⴽⴰⵏ.
detail-idempotency-in-flight = ⵢⴰⵏ ⵓⵙⵓⵜⵔ ⵙ ⵜⵙⴰⵔⵓⵜ ⴰ ⴰⵔ ⵉⵜⵜⵓⵙⴽⴰⵔ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⴽⵔⴰ.
detail-idempotency-mismatch = ⵜⴰⵙⴰⵔⵓⵜ ⴰ ⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷ ⵉ ⵢⴰⵏ ⵓⵙⵓⵜⵔ ⵢⴰⴹⵏ.
detail-edit-window-closed = ⵜⴰⵔⵔⴰⵢⵜ ⵜⵣⵎⵔ ⴰⴷ ⵜⵜⵓⵙⵖⵓⴷⵓ ⴳ 15 ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ ⴷⴼⴼⵉⵔ ⵜⵓⵙⵙⵓⴼⵖⴰ ⵏⵏⵙ ⴽⴰⵏ.
detail-official-answer-is-record = ⵜⴰⵔⵔⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ ⵜⴳⴰ ⵜⴰⴳⵣⵣⵓⵎⵜ ⵙⴳ ⵓⵎⵙⵏⴰⵡ ⴰⴳⴷⵓⴷⴰⵏ: ⵓⵔ ⵜⵣⵎⵉⵔ ⴰⴷ ⵜⵜⵓⴼⴼⵔ.
detail-internal = ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵏⵓⵎⵎⵍ. ⴰⵙⵓⵎⴰⵏ ⵏ ⵓⵙⵓⵜⵔ: { $request_id }.
detail-database-unavailable = ⵜⴰⵙⵉⵍⴰ ⵏ ⵢⵉⵙⴼⴽⴰ ⵓⵔ ⵜⵍⵍⵉ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵙⵉⵏⵜⵉⵏ.
detail-migrations-pending = ⵜⴰⵙⵉⵍⴰ ⵏ ⵢⵉⵙⴼⴽⴰ ⵜⵜⵓⵙⵎⴰⵢⵏⵓⵜ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵙⵉⵏⵜⵉⵏ.

## Errors on one field or parameter

field-email = ⴰⵔⵓ ⴰⵏⵙⴰ ⵏ ⵜⵏⴰⵎⴰⵍⵜ ⵉⵖⵓⴷⴰⵏ.
field-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵉⵍⵉ ⵙⴳ 10 ⴰⵔ 128 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-display-name = ⴰⵔⵓ ⵢⴰⵏ ⵓⵙⵎ ⵙⴳ 1 ⴰⵔ 80 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-title = ⴰⵔⵓ ⵢⴰⵏ ⵓⵣⵡⵍ ⵙⴳ 1 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-commune = ⵓⵔ ⵜⵍⵍⵉ ⵜⵊⵎⴰⵄⵜ ⵙ ⵓⵙⵓⵎⴰⵏ ⴰ.
field-arrondissement = ⵜⴰⵎⵏⴰⴹⵜ ⴰ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵜⵊⵎⴰⵄⵜ ⴰ.
field-category = ⵜⴰⵙⴳⴰ ⴰ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵜⵊⵎⴰⵄⵜ ⴰ.
field-date = ⴰⵔⵓ ⴰⵙⴰⴽⵓⴷ ⵉⵣⵔⵉⵏ ⵙ ⵜⵍⵖⴰ YYYY-MM-DD.
field-no-such-account = ⵓⵔ ⵉⵍⵍⵉ ⵓⵎⵉⴹⴰⵏ ⵙ ⵓⵏⵙⴰ ⴰ.
field-issue-title = ⴰⵔⵓ ⴰⵣⵡⵍ ⵙⴳ 5 ⴰⵔ 140 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⵉⴳ.
field-issue-description = ⴳⵍⵎ ⴰⵎⵓⴽⵔⴰⴹ ⵙⴳ 10 ⴰⵔ 5000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-location = ⴰⵔⵓ ⴰⵣⵔⴰⵢ ⴳⵔ -90 ⴷ 90 ⴷ ⴰⵏⵣⴰⵢ ⴳⵔ -180 ⴷ 180.
field-location-outside = ⴰⴷⵖⴰⵔ ⴰ ⵉⵍⵍⴰ ⴱⵕⵕⴰ ⵏ ⵜⵊⵎⴰⵄⵜ ⵏⵏⴰ ⵜⵙⵜⴰⵢⴷ.
field-note = ⵙⵙⴼⵔⵓ ⴰⵙⵏⴼⵍ ⴰ ⵙ ⵢⴰⵜ ⵜⵏⴰⵢⵜ (2000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵎⴰⵃⴷ).
field-expected-on = ⴰⵎⵓⴽⵔⴰⴹ ⵉⵜⵜⵓⵙⵖⵉⵡⵙⵏ ⵉⵃⵜⴰⵊ ⴰⵙⴰⴽⵓⴷ, ⴰⵙⵙ ⴰ ⵏⵖ ⴷⴼⴼⵉⵔ.
field-responsible-body = ⵙⵎⵎ ⵜⴰⵏⴱⴰⴹⵜ ⵏⵏⴰ ⵉⵍⴰⵏ ⵜⴰⵣⵎⵔⴰ.
field-duplicate-of = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵢⴰⴹⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ.
field-reply-body = ⴰⵔⵓ ⵜⴰⵔⵔⴰⵢⵜ ⵙⴳ 1 ⴰⵔ 5000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-official-new-issues = ⵙⵜⴰⵢ immediate ⵏⵖ off.
field-unknown = ⵉⴳⵔ ⴰ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ ⴷⴰ.
field-missing = ⵉⴳⵔ ⴰ ⵉⵇⵇⴰⵏ.
field-invalid-type = ⴰⵏⴰⵡ ⵏ ⵓⵣⴰⵍ ⴰ ⵓⵔ ⵉⵖⵓⴷⴰ.
field-invalid = ⴰⵣⴰⵍ ⴰ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ.
param-lang = ⵙⵜⴰⵢ ar, fr ⵏⵖ zgh.
param-limit = ⴰⵔⵓ ⴰⵎⴹⴰⵏ ⴰⵎⵎⴰⴷ ⵙⴳ 1 ⴰⵔ 100.
param-cursor = ⴰⵙⵏⵎⴰⵍ ⴰ ⵓⵔ ⴷ ⵉⴽⴽⵉ ⵙⴳ ⵓⵎⴰⴽⴰⵢ ⴰ.
param-me = ⴰⵣⴰⵍ ⵉⵎⵎⴽⵏⵏ ⴷ me ⴽⴰⵏ.
param-time = ⴰⵔⵓ ⴰⵙⴰⴽⵓⴷ (YYYY-MM-DD) ⵏⵖ ⴰⴽⵓⴷ ⵙ RFC 3339.
param-bbox = ⴰⵔⵓ ⴰⴳⵓⵏⵙ,ⴰⵜⵔⴰⵔ,ⴰⴳⴰⴼⴰ,ⴰⵏⴰⵡ ⵙ ⵜⴰⴼⵔⴽⵉⵏ, ⴰⵎⴷ 35.70,-5.93,35.81,-5.72.
param-sort = ⵙⵜⴰⵢ newest, most_supported ⵏⵖ recently_updated.
param-invalid = ⴰⵎⵙⴽⵉⵍ ⴰ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ.

## Home

home-title = ⵜⴰⵡⴰⵚⵍ
home-tagline = ⵙⵎⴰⵍ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⴳ ⵜⵊⵎⴰⵄⵜ ⵏⵏⴽ, ⴹⴼⵕ ⵜⵉⵔⴰⵔⵉⵏ ⵏ ⵉⵎⵙⵜⴰⵢⵏ ⴷ ⵜⵏⴰⴼⵓⵜⵉⵏ ⵏⵏⴽ ⵙ ⵓⴳⴷⵓⴷ, ⵜⵙⵙⵏⵜⵍⴷ ⵜⵉⵙⵓⵜⵔⴰ ⵜⵉⴷⵖⴰⵔⴰⵏⵉⵏ.
home-communes = ⵜⵉⵊⵎⴰⵄⵉⵏ
home-api = API (JSON)
home-health = ⴰⴷⴷⴰⴷ ⵏ ⵜⵏⴰⴼⵓⵜ

## Pages opened from mail links

page-verify-title = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ
page-verify-button = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵉⵏⵓ
page-link-invalid = ⴰⵙⵖⵏ ⴰ ⵓⵔ ⵉⵖⵓⴷⴰ ⵖⵉⵍⴰ (ⵉⵜⵜⵓⵙⵎⵔⵙ ⵏⵖ ⵢⵉⵡⵉⵙ ⵓⴽⵓⴷ ⵏⵏⵙ). ⵙⵓⵜⵔ ⵢⴰⵏ ⵓⵎⴰⵢⵏⵓ ⵙⴳ ⵓⵙⵏⵙ.
page-reset-title = ⵙⵜⴰⵢ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ
page-reset-label = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ
page-reset-button = ⵃⴹⵓ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ
page-reset-done = ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏⵏⴽ, ⵜⵜⵓⵇⵇⵏⵏ ⵉⵎⵙⵉⵍⵏ ⵉⵇⴱⵓⵔⵏ. ⴽⵛⵎ ⵙ ⵜⴳⵓⵔⵉ ⵜⴰⵎⴰⵢⵏⵓⵜ.

page-unsubscribe-title = ⴰⴷ ⵓⵔ ⵜⵜⴰⵡⴹⴷ ⵜⵉⴱⵔⴰⵜⵉⵏ ⴰ
page-unsubscribe-button = ⴽⴽⵙ ⵉⵢⵉ
page-unsubscribe-done = ⵉⵜⵜⵓⴳⴰ: ⵓⵔ ⵔⴰⴷ ⵜⵜⴰⵡⴹⴷ ⵜⵉⴱⵔⴰⵜⵉⵏ ⴰ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴱⴷⴷⵍⴷ ⴳ ⵜⵙⵖⴰⵍ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ.

## Mails

mail-signature = ⵜⴰⵔⴰⴱⴱⵓⵜ ⵏ ⵜⴰⵡⴰⵚⵍ
mail-footer-account = ⵜⵜⴰⵡⴹⴷ ⵜⴰⴱⵔⴰⵜ ⴰ ⵉⵙ ⵜⵙⵙⴰⵖ ⵖⵔ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ.
mail-footer-notification = ⵜⴹⴼⵕⴷ ⴰⵙⴰⵍⴰ ⴰ ⴳ ⵜⴰⵡⴰⵚⵍ. ⴰⴷ ⵓⵔ ⵜⵜⴰⵡⴹⴷ ⵜⵉⴱⵔⴰⵜⵉⵏ ⴰ: { $url }

mail-account-verify-email-subject = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-verify-email-body =
    ⴰⵣⵓⵍ { $name },

    ⴰⴷ ⵜⵙⵙⵎⵔⵙⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ, ⵕⵥⵎ ⴰⵙⵖⵏ ⴰ ⴳ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ:

    { $url }

    ⵎⴰ ⵓⵔ ⵜⵙⴽⵔⴷ ⴰⵎⵉⴹⴰⵏ, ⵣⴳⵍ ⵜⴰⴱⵔⴰⵜ ⴰ: ⵓⵔ ⵉⵜⵜⵉⵍⵉ ⵡⴰⵍⵓ ⴱⵍⴰ ⴽⵢⵢ.

mail-issue-official-answer-subject = ⵜⴰⵔⵔⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ: { $title }
mail-issue-official-answer-body =
    { $official } ({ $official_title }) ⵢⴰⵔⵓ ⵙ ⵓⴳⴷⵓⴷ ⵅⴼ ⵓⵎⵓⴽⵔⴰⴹ « { $title } ».

    ⵖⵔ ⵜⴰⵔⵔⴰⵢⵜ ⵜⴹⴼⵕⴷ ⴰⵢⵏⵏⴰ ⴷ ⵉⴷⴷⴰⵏ:

    { $url }

mail-account-registration-attempt-subject = ⴰⵔⵎ ⵏ ⵓⵙⵊⵊⵍ ⵙ ⵓⵏⵙⴰ ⵏⵏⴽ
mail-account-registration-attempt-body =
    ⴰⵣⵓⵍ { $name },

    ⵢⴰⵏ ⵢⴰⵔⵎ ⴰⴷ ⵢⵙⴽⵔ ⴰⵎⵉⴹⴰⵏ ⴳ ⵜⴰⵡⴰⵚⵍ ⵙ ⵓⵏⵙⴰ ⵏⵏⴽ, ⵍⵍⵉ ⵖⵓⵔⵙ ⵢⴰⴷ ⴰⵎⵉⴹⴰⵏ. ⵓⵔ ⵉⵜⵜⵓⵙⴽⴰⵔ ⵡⴰⵍⵓ.

    ⵎⴰ ⴷ ⴽⵢⵢ ⴰⴷ ⵉⴳⴰⵏ, ⵜⵜⵓⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ, ⵙⵜⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴷⴰ (ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ):

    { $url }

    ⵎⴰ ⵓⵔ ⴷ ⴽⵢⵢ, ⵓⵔ ⵜⵙⴽⴰⵔⴷ ⵢⴰⵜ.

mail-account-password-reset-subject = ⵙⵜⴰⵢ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-password-reset-body =
    ⴰⵣⵓⵍ { $name },

    ⴰⴷ ⵜⵙⵜⴰⵢⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ, ⵕⵥⵎ ⴰⵙⵖⵏ ⴰ ⴳ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ (ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ ⴽⴰⵏ):

    { $url }

    ⵎⴰ ⵓⵔ ⵜⵙⵓⵜⵔⴷ ⵢⴰⵜ, ⵣⴳⵍ ⵜⴰⴱⵔⴰⵜ ⴰ: ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵓⵔ ⵜⵜⴱⴷⴷⴰⵍ.

mail-account-password-changed-subject = ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-password-changed-body =
    ⴰⵣⵓⵍ { $name },

    ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ, ⵜⵜⵓⵇⵇⵏⵏ ⴰⴽⴽ ⵉⵎⵙⵉⵍⵏ ⵏⵏⴽ.

    ⵎⴰ ⵓⵔ ⴷ ⴽⵢⵢ, ⵙⵓⵜⵔ ⵖⵉⵍⴰ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵙⴳ ⵜⴰⵙⵏⴰ ⵏ ⵓⴽⵛⵛⵓⵎ ⵜⵙⵙⵓⴷⵏⵜ ⴰⵖ.

mail-issue-new-for-official-subject = ⴰⵎⵓⴽⵔⴰⴹ ⴰⵎⴰⵢⵏⵓ: { $title }
mail-issue-new-for-official-body =
    ⵢⴰⵏ ⵓⵏⵍⵍⴰⵖ ⵉⵙⵎⴰⵍ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵏⵏⴰ ⵉⴳⴰⵏ ⵡⵉⵏⵏⴽ ({ $commune }, { $category }):

    « { $title } »

    ⵔⴰⵔ ⵙ ⵓⴳⴷⵓⴷ ⵜⵙⵏⴼⵍⴷ ⴰⴷⴷⴰⴷ ⵏⵏⵙ:

    { $url }

mail-issue-status-changed-subject = { $status }: { $title }
mail-issue-status-changed-body =
    ⴰⵎⵓⴽⵔⴰⴹ « { $title } » ⵉⴳⴰ ⵖⵉⵍⴰ: { $status }.

    { $note }

    { $url }

mail-moderation-hidden-subject = ⵜⵜⵓⴼⴼⵔ ⵜⵓⵎⵔⵉⵏⵜ ⵏⵏⴽ
mail-moderation-hidden-body =
    ⵉⵜⵜⵓⴼⴼⵔ ⴰⵢⵏⵏⴰ ⵜⵓⵔⵉⴷ: « { $excerpt } ».

    ⴰⵙⵔⴰⴳ: { $reason }

    { $url }
mail-moderation-restored-subject = ⵜⵓⵎⵔⵉⵏⵜ ⵏⵏⴽ ⵜⵓⵖⵓⵍ ⵙ ⵓⴳⴷⵓⴷ
mail-moderation-restored-body =
    ⵢⴰⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵉⵙⵙⵓⴼⵖ ⴰⵢⵏⵏⴰ ⵜⵓⵔⵉⴷ: « { $excerpt } ».

    { $reason }

    { $url }

mail-issue-new-reply-subject = ⵜⴰⵔⵔⴰⵢⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ: { $title }
mail-issue-new-reply-body =
    { $author } ⵢⴰⵔⵓ ⵅⴼ ⵓⵎⵓⴽⵔⴰⴹ « { $title } »:

    { $excerpt }

    { $url }

mail-official-digest-subject = ⴰⵙⵏⵉⵍⵙ ⵏ ⵜⵓⵚⴱⵃⵉ: { $overdue_count } ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵎⵎⵓⵜⵍⵏ
mail-official-digest-body =
    ⵉⵎⵓⴽⵔⴰⴹ ⵉⵎⴰⵢⵏⵓⵜⵏ ⵏ ⵜⵣⵎⵔⴰ ⵏⵏⴽ ⵙⴳ ⵉⴹⵍⵍⵉ: { $new_count }

    { $new_items }

    ⵉⵎⵓⴽⵔⴰⴹ ⵉⵕⵥⵎⵏ ⴱⵍⴰ ⵜⴰⵔⵔⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ ⴷⴼⴼⵉⵔ ⵓⴽⵓⴷ ⵏ ⵜⵙⴳⴰ ⵏⵏⵙⵏ: { $overdue_count }

    { $overdue_items }

## Issue statuses

status-submitted = ⵉⵜⵜⵓⵎⵎⵥ
status-acknowledged = ⵉⵜⵜⵓⵙⵙⵏ
status-in-progress = ⴰⵔ ⵉⵜⵜⵓⵙⴽⴰⵔ
status-planned = ⵉⵜⵜⵓⵙⵖⵉⵡⵙ
status-resolved = ⵉⵜⵜⵓⴼⵙⵙⵢ
status-not-responsible = ⴱⵕⵕⴰ ⵏ ⵜⵣⵎⵔⴰ ⵏ ⵜⵊⵎⴰⵄⵜ
status-duplicate = ⵉⵜⵜⵓⵙⵏⵖⵍ
status-rejected = ⵉⵜⵜⵓⵙⵔⵙ

## Petitions (Organic Law 113-14)

detail-petition-not-found = ⵓⵔ ⵜⵍⵍⵉ ⵜⵓⵙⵏⵉⵜ { $id }.
detail-petition-not-draft = ⵜⵓⵙⵏⵉⵜ { $id } ⵓⵔ ⵜⴳⵉ ⴰⵣⵣⵔⴰⵢ: ⴰⴹⵔⵉⵙ ⵏⵏⵙ ⴰⵢⴰ ⴷ ⵖⵔⴰⵏ ⵉⵙⵎⴰⵍⵏ.
detail-petition-not-collecting = ⵜⵓⵙⵏⵉⵜ { $id } ⵓⵔ ⴷ ⵜⵙⵎⵓⵏ ⵜⵉⵙⵎⴰⵍ ⵖⵉⵍⴰ.
detail-already-signed = ⵜⵓⵙⵏⵉⵜ ⴰⴷ ⵜⵙⵄⴰ ⵜⴰⵙⵎⴰⵍⵜ ⵏⵏⴽ.
detail-own-report = ⴽⵢⵢ ⴰⴷ ⵉⵙⴽⵏⵏ ⴰⵎⵓⴽⵔⴰⴹ ⴰ: ⴰⵎⵓⴽⵔⴰⴹ ⵏⵏⴽ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ, ⴰⵙⵏⴷ ⵉ ⵉⵎⵣⴷⴰⵖ ⵢⴰⴹⵏ.
detail-petition-step = ⵜⵓⵙⵏⵉⵜ « { $from } » ⵓⵔ ⵜⵣⵎⵉⵔ ⴰⴷ ⵜⴳ « { $to } ».
field-petition-title = ⴰⵔⵓ ⴰⵣⵡⵍ ⵙⴳ 5 ⴰⵔ 200 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⵉⴳ.
field-petition-request = ⵙⵎⵍ ⵙⴳ 10 ⴰⵔ 2000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴰⵢⵏ ⵉⵔⴰⵏ ⴰⴷ ⵜ ⵉⵙⵙⴽⵛⵎ ⵓⵙⵇⵇⵉⵎ ⵖⵔ ⵓⵖⴰⵡⴰⵙ ⵏⵏⵙ.
field-petition-reasons = ⵙⵎⵍ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⴷ ⵉⵡⵜⵜⴰⵙⵏ ⵙⴳ 10 ⴰⵔ 10000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-filer-type = ⵙⵜⵉ citizens ⵏⵖ association.
field-organisation-required = ⵜⵓⵙⵏⵉⵜ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⵜⵙⵙⵏⵎⴰⵍ ⵜⴰⵎⵙⵎⵓⵏⵜ (organisation_id).
field-association-required = ⵜⴰⵎⵙⵎⵓⵏⵜ ⵜⵙⵙⵓⴼⵓⵖ ⴰⴷⴷⴰⴷ ⵏⵏⵙ: in_good_standing, office_in_commune, activity_linked_to_subject.
field-organisation-citizens = ⵜⵓⵙⵏⵉⵜ ⵏ ⵉⵏⴰⵎⵓⵔⵏ ⵓⵔ ⵜⵙⵙⵏⵎⴰⵍ ⵜⴰⵎⵙⵎⵓⵏⵜ.
field-association-too-recent = ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵜⵓⵙⵏⴼⵍ ⵜⵎⵙⵎⵓⵏⵜ ⵓⴳⴰⵔ ⵏ ⴽⵕⴰⴹ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ.
field-association-good-standing = ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵉⵍⵉ ⵜⵎⵙⵎⵓⵏⵜ ⴳ ⵓⴷⴷⴰⴷ ⵉⵖⵓⴷⴰⵏ.
field-association-office = ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵓⵙⵡⵉⵔ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⵏⵖ ⵢⴰⵏ ⵓⴼⵔⴷⵉⵙ ⵏⵏⵙ ⴳ ⵜⵊⵎⴰⵄⵜ.
field-association-activity = ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵓⵎⴰⵔⵙ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⵉⵇⵇⵏ ⵙ ⵓⵙⵏⵜⵍ ⵏ ⵜⵓⵙⵏⵉⵜ.
field-signer-name = ⴰⵔⵓ ⵉⵙⵎ ⵏⵏⴽ ⴰⵎⵍⴰⵢ ⵎⴽ ⵉⵍⵍⴰ ⴳ ⵜⴽⴰⵔⴹⴰ (ⵙⴳ 3 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ).
field-cin = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ: ⵢⴰⵏ ⵏⵖ ⵙⵏⴰⵜ ⵏ ⵜⵙⴽⴽⵉⵡⵉⵏ ⴷ ⵉⵎⴹⴰⵏ.
field-signer-address = ⴰⵔⵓ ⴰⵏⵙⴰ ⵏⵏⴽ (ⵙⴳ 5 ⴰⵔ 300 ⵏ ⵉⵙⴽⴽⵉⵍⵏ).
field-declaration = ⵜⴰⴼⴰⴷⴰ ⴰⴷ ⵉⵇⵇⴰⵏ ⵉⵜ ⵉ ⵓⵙⵎⴰⵍ.
field-consent = ⵉⵇⵇⴰⵏ ⵓⵎⵓⵏ ⵏⵏⴽ ⴰⴱⵍⵍⴰⵏ ⵖⴼ ⵓⵙⵎⵔⵙ ⵏ ⵉⵙⵎⵓⵍⵏ ⴰ.
field-petition-status = ⵙⵜⵉ ⵜⴰⵙⴽⵯⴼⵜ: collecting, ready, filed, admissible, inadmissible, on_agenda, decided ⵏⵖ withdrawn.
field-receipt = ⴰⵙⵙⵔⵙ ⵉⵜⵜⵓⵢⴰⵔⵓ ⵙ ⵓⵟⵟⵓⵏ ⵏ ⵓⵡⵚⵍ.
field-filed-on = ⴷ ⵡⴰⵙⵙ ⵏ ⵓⵙⵙⵔⵙ, ⴰⵙⵙⴰ ⵏⵖ ⴷⴰⵜ.
field-step-reason = ⵜⴰⴳⵜⵜⵓⵢⵜ ⵏ ⵓⵔ ⵜⵜⵓⵇⴱⵍ ⵜⵙⵄⴰ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ: ⴰⵔⵓ ⵜⵉⵏ.
field-session-date = ⴰⵔⵓ ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵎⵙⵙⵓⵔⵜ.
field-committee = ⵙⵎⵎ ⵜⴰⵙⵇⵇⵉⵎⵜ.
field-outcome = ⴰⵔⵓ adopted ⵏⵖ rejected.
field-summary = ⵙⵎⵥⵉ ⵜⴰⴳⵜⵜⵓⵢⵜ ⵏ ⵓⵙⵇⵇⵉⵎ.
field-petition-threshold = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵜⵙⵎⴰⵍ ⴳⵔ 1 ⴷ 100000.
field-commune-name = ⴰⵔⵓ ⵉⵙⵎ ⵙⴳ 1 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
param-dossier-format = ⵙⵜⵉ html ⵏⵖ csv.
petition-consent = ⵇⴱⵍⵖ ⴰⴷ ⵉⵙⵎⵔⵙ ⵜⴰⵡⴰⵚⵓⵍ ⵉⵙⵎ ⵉⵏⵓ ⴰⵎⵍⴰⵢ, ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵉⵏⵓ ⴷ ⵓⵏⵙⴰ ⵉⵏⵓ ⵉ ⵜⵓⵙⵏⵉⵜ « { $title } » ⵉ ⵓⵙⵇⵇⵉⵎ ⵏ ⵜⵊⵎⴰⵄⵜ ({ $commune }) ⴽⴰⵏ: ⴰⵔ ⵜⵜⵓⴳⴰⵏ ⴳ ⵓⵍⴳⴰⵎ ⵏ ⵉⵙⵎⴰⵍⵏ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵓⵏⵎⵖⴰⵔ ⵏ ⵓⵙⵇⵇⵉⵎ, ⵜⵜⵓⵙⵏⴼⵍⵏ ⵙ ⵓⵙⵏⵜⵍ ⵓⵔ ⵜⵜⵓⵙⵙⵓⴼⵖⵏ ⴰⵔⴷ. ⵣⵎⵔⵖ ⴰⴷ ⵙⵏⵖ, ⵙⵖⵖⴷⵖ ⵏⵖ ⴰⴷ ⴽⴽⵙⵖ ⵜⴰⵙⵎⴰⵍⵜ ⵉⵏⵓ ⵎⴰ ⴷⴰⵎ ⵜⵍⵍⴰ ⵜⵓⵎⵓⵏⵜ (ⴰⵙⵍⴳⵏ 09.08).
petition-status-draft = ⴰⵣⵣⵔⴰⵢ
petition-status-collecting = ⴰⵙⵎⵓⵏ ⵏ ⵜⵙⵎⴰⵍ
petition-status-ready = ⵜⵓⵊⴷ ⵉ ⵓⵙⵙⵔⵙ
petition-status-filed = ⵜⵜⵓⵙⵙⵔⵙ
petition-status-admissible = ⵜⵜⵓⵇⴱⵍ
petition-status-inadmissible = ⵓⵔ ⵜⵜⵓⵇⴱⵍ
petition-status-on-agenda = ⵜⴽⵛⵎ ⵖⵔ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⵎⵙⵙⵓⵔⵜ
petition-status-decided = ⵉⴳⵜⵜⵓ ⴳⵉⵙ ⵓⵙⵇⵇⵉⵎ
petition-status-withdrawn = ⵜⵜⵓⴽⴽⵙ

mail-petition-threshold-reached-subject = ⵜⵓⵙⵏⵉⵜ ⵏⵏⵓⵏ ⵜⵍⴽⵎ { $count } ⵏ ⵜⵙⵎⴰⵍ
mail-petition-threshold-reached-body =
    ⵜⵓⵙⵏⵉⵜ « { $title } » ⵜⵙⵎⵓⵏ { $count } ⵏ ⵜⵙⵎⴰⵍ: ⵜⵣⵎⵔ ⴰⴷ ⵜⵜⵓⵙⵙⵔⵙ ⵖⵔ ⵓⵏⵎⵖⴰⵔ ⵏ ⵓⵙⵇⵇⵉⵎ ⵏ ⵜⵊⵎⴰⵄⵜ.

    ⵙⵙⵔⵙⴰⵜ ⵜⵜ ⵙ ⵓⵡⵚⵍ (ⵏⵖ ⴳ ⵓⵙⵎⵎⴰⵙ ⴰⵏⴰⵎⵓⵔ ⵏ ⵜⴰⵎⵢⴰⵡⵏⴰⵙⵜ), ⵜⵔⵓⵎ ⴷⵉⴰ ⴰⵟⵟⵓⵏ ⴷ ⵡⴰⵙⵙ ⵏ ⵓⵡⵚⵍ.

    { $url }
mail-petition-step-subject = { $status }: { $title }
mail-petition-step-body =
    ⵜⵓⵙⵏⵉⵜ « { $title } » ⵜⵍⴽⵎ ⵜⴰⵙⴽⵯⴼⵜ: { $status }.

    { $note }

    { $url }
mail-petition-filed-for-official-subject = ⵜⵓⵙⵏⵉⵜ ⵜⵜⵓⵙⵙⵔⵙ: { $title }
mail-petition-filed-for-official-body =
    ⵜⵓⵙⵏⵉⵜ « { $title } » ⵜⵜⵓⵙⵙⵔⵙ ⵖⵔ ⵜⵊⵎⴰⵄⵜ ({ $commune }) ⴳ { $filed_on }, ⴰⵡⵚⵍ ⵡⵉⵙ { $receipt }.

    ⴰⵔⴼⵓⴹ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵙ ⵜⵎⵏⵜⵉⵍⵉⵏ ⵉ ⵓⵎⵙⵙⵓⴷⵙ ⵇⴱⵍ { $deadline }.

    { $url }
mail-petition-deadline-reminder-subject = { $days ->
    [one] ⵢⴰⵏ ⵡⴰⵙⵙ ⴰⴷ ⵉⵇⵇⵉⵎⵏ ⵉ ⵜⵓⵔⴰⵔⵜ ⵖⴼ ⵜⵓⵙⵏⵉⵜ « { $title } »
   *[other] { $days } ⵏ ⵡⵓⵙⵙⴰⵏ ⴰⴷ ⵉⵇⵇⵉⵎⵏ ⵉ ⵜⵓⵔⴰⵔⵜ ⵖⴼ ⵜⵓⵙⵏⵉⵜ « { $title } »
}
mail-petition-deadline-reminder-body =
    ⴰⵙⵏⵓⴱⴳ ⵏ ⵓⵙⵇⵇⵉⵎ ⵓⵔ ⵉⴳⵉ ⴰⵙⵓⵎⵔ ⵖⴼ ⵓⵇⴱⴰⵍ ⵏ ⵜⵓⵙⵏⵉⵜ « { $title } ».

    ⴰⵔⴼⵓⴹ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵙ ⵜⵎⵏⵜⵉⵍⵉⵏ ⵇⴱⵍ { $deadline }.

    { $url }

dossier-heading = ⵜⵓⵙⵏⵉⵜ
dossier-addressee = ⵖⵔ ⵓⵏⵎⵖⴰⵔ ⵏ ⵓⵙⵇⵇⵉⵎ ⵏ ⵜⵊⵎⴰⵄⵜ ⵏ { $commune_fr }
dossier-subject = ⴰⵙⵏⵜⵍ ⵏ ⵜⵓⵙⵏⵉⵜ
dossier-reasons = ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⴷ ⵉⵡⵜⵜⴰⵙⵏ
dossier-association = ⵜⴰⵎⵙⵎⵓⵏⵜ ⵏ ⵜⵓⵙⵏⵉⵜ
dossier-representative = ⴰⵎⴰⴳⵏⵓ
dossier-agent = ⵜⴰⵎⴰⴳⵉⵜ ⵏ ⵓⵎⵙⵙⵓⴷⵙ
dossier-full-name = ⵉⵙⵎ ⴰⵎⵍⴰⵢ
dossier-cin = ⴰⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ
dossier-address = ⴰⵏⵙⴰ
dossier-signatories = ⴰⵍⴳⴰⵎ ⵏ ⵉⵙⵎⴰⵍⵏ
dossier-count = { $count ->
    [one] ⵢⴰⵏ ⵓⵙⵎⴰⵍ.
   *[other] { $count } ⵏ ⵉⵙⵎⴰⵍⵏ.
}
dossier-number = ⴰⵟⵟⵓⵏ
dossier-lives-or-works = ⵉⵣⴷⵖ ⵏⵖ ⵉⵅⴷⴷⵎ ⴳ ⵜⵊⵎⴰⵄⵜ
dossier-electoral-roll = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵏⵖ ⵉⵙⵄⴰ ⵜⵉⴼⴰⴷⵉⵡⵉⵏ ⵏ ⵓⵣⵎⵎⴻⵎ ⴳ ⵉⵍⴳⴰⵎⵏ ⵏ ⵜⴼⵔⴰⵏ
dossier-direct-interest = ⵜⴰⵏⴼⵓⵜ ⵜⵓⵙⵔⵉⴷⵜ ⵜⴰⵎⵓⵏⵜ
dossier-signed-on = ⴰⵙⴰⴽⵓⴷ
dossier-signature = ⵜⴰⵙⵎⴰⵍⵜ
dossier-generated = ⴰⵍⴳⴰⵎ ⵉⵙⵙⵓⵊⴷ ⵜ ⵜⴰⵡⴰⵚⵓⵍ ⴳ { $at }.

## Accountability figures and open data

param-official = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏ ⵓⵙⵏⴼⵍ ⵏⵖ ⵓⵎⵙⵡⵓⵔⵉ ⵉⵜⵜⵓⵙⵎⵎⴰⵏ.
## Open311 API keys
detail-api-key-not-found = ⵓⵔ ⵜⵍⵍⵉ ⵜⵙⴰⵔⵓⵜ ⵏ API { $id }.
field-api-key-name = ⴰⵔⵓ ⵉⵙⵎ ⵏ ⵜⵙⴰⵔⵓⵜ ⵙⴳ 1 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ.
field-api-key-owner = ⵉⵇⵇⴰⵏ ⴰⵎⵍⴰⵢ ⵏ ⵜⵙⴰⵔⵓⵜ ⴰⴷ ⵉⴳ ⴰⵎⵉⴹⴰⵏ ⵉⵜⵜⵓⵙⵙⵏⵜⵎⴰⵏ ⵓⵔ ⵉⵜⵜⵓⴳⴷⵍⵏ.
field-api-key-member = ⵉⵇⵇⴰⵏ ⴰⵎⵍⴰⵢ ⵏ ⵜⵙⴰⵔⵓⵜ ⴰⴷ ⵉⴳ ⴰⴳⵎⴰⵎ ⴳ ⵜⵎⵓⵙⵙⵓⵏⵜ ⴰ.
field-organisation = ⵓⵔ ⵜⵍⵍⵉ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵙ ⵓⵟⵟⵓⵏ ⴰ.
open311-notice-published = ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵓⵎⵙⵙⵓⵜⵔ ⵏⵏⴽ. ⴰⴷ ⵜ ⵔⴰⵔⵏⵜ ⵜⵏⴱⴰⴹⵉⵏ ⵏ ⵜⴳⵎⵓⵏⵜ ⵙ ⵓⴱⴰⵢⵏ.
open311-notice-held = ⵉⵣⵎⵔ ⴰⴷ ⵉⵍⵉ ⴳ ⵓⵎⵙⵙⵓⵜⵔ ⵏⵏⴽ ⵉⵙⴼⴽⴰ ⵉⵏⵎⵎⴰⵍⴰⵏ: ⴰⴷ ⵜ ⵉⵙⵙⵉⵡⵍ ⵓⵎⵙⵏⴼⵍ ⵣⴰⵜ ⵏ ⵓⵙⵙⵓⴼⵖ.
## Feeds

detail-category-not-found = ⵜⴰⵊⵎⴰⵄⵜ « { $commune } » ⵓⵔ ⵖⵓⵔⵙ ⵜⴰⵙⴳⴰ « { $category } ».
detail-feed-not-found = ⵓⵔ ⵉⵍⵍⵉ ⵓⵙⵙⵎⵔⵙ ⵙ ⵜⵏⵙⴰ ⴰ: ⵉⵜⵜⵓⵙⵏⴼⵍ ⵏⵖ ⵉⵜⵜⵓⴽⴽⵙ.
feed-commune-title = ⵉⵎⵓⴽⵔⴰⴹ ⵉⵎⴰⵢⵏⵓⵜⵏ: { $commune }
feed-category-title = ⵉⵎⵓⴽⵔⴰⴹ ⵉⵎⴰⵢⵏⵓⵜⵏ: { $commune }, { $category }
feed-issue-title = ⴰⵎⵓⴽⵔⴰⴹ « { $issue } »: ⵜⵉⵔⴰⵔⵉⵏ ⴷ ⵓⵙⵏⴼⵍ ⵏ ⵡⴰⴷⴷⴰⴷ
feed-petition-title = ⵜⵓⵙⵏⵉⵜ « { $petition } »: ⵜⵉⵙⵓⵔⵉⵏ
feed-me-title = ⴰⵢⵏ ⴹⴼⵕⵖ ⴳ ⵜⴰⵡⴰⵚⵓⵍ
feed-resident = ⵢⴰⵏ ⵓⵏⵣⴷⵖ
feed-former-resident = ⴰⵏⵣⴷⵖ ⴰⵎⵣⵡⴰⵔⵓ
feed-platform = ⵜⴰⵡⴰⵚⵓⵍ
feed-reply-title = { $author } ⵢⵔⴰⵔ: « { $issue } »
feed-answer-title = ⵜⴰⵔⵔⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ ⵏ { $author } ({ $role }): « { $issue } »
feed-status-title = ⴰⴷⴷⴰⴷ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵖⵔ « { $status } »: « { $issue } »
feed-status-expected = ⴰⵙⵙⴽⵔ ⵉⵜⵜⵓⵔⴰⵊⴰ ⴳ { $date }.
feed-status-responsible = ⵜⴰⵙⵏⵓⴱⴳⴰ ⵜⵓⵏⵚⵉⴱⵜ: { $body }.
feed-status-duplicate = ⵉⵙⵏⵖⵍ { $url }
feed-step-title = { $status }: « { $petition } »
feed-step-filed = ⵜⵜⵓⵙⵙⵔⵙ ⴳ { $date }, ⴰⵡⵚⵍ ⵡⵉⵙ { $number }.
feed-step-refusal-deadline = ⴰⴳⵓⵢ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵎⵍ ⴰⵔ { $date }.
feed-step-next-session = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵜⴰⵎⵙⵙⵓⵔⵜ: { $date }.
feed-step-agenda = ⵜⵜⵓⵙⵙⴽⵛⵎ ⴳ ⵜⵎⵙⵙⵓⵔⵜ ⵏ { $date }, ⵜⴰⵙⵇⵇⵉⵎⵜ: { $committee }.
feed-step-outcome-adopted = ⴰⴳⵔⴰⵡ ⵢⵇⴱⵍ ⵜⵓⵙⵏⵉⵜ.
feed-step-outcome-rejected = ⴰⴳⵔⴰⵡ ⵢⵓⴳⵢ ⵜⵓⵙⵏⵉⵜ.
feed-step-threshold = { $count ->
    [one] ⵢⴰⵏ ⵓⵙⵎⴰⵍ: ⵉⵜⵜⵓⵍⴽⵎ ⵓⵙⵡⵉⵔ { $threshold }.
   *[other] { $count } ⵏ ⵉⵙⵎⴰⵍⵏ: ⵉⵜⵜⵓⵍⴽⵎ ⵓⵙⵡⵉⵔ { $threshold }.
}

## Web application

site-name = ⵜⴰⵡⴰⵚⵍ
web-skip = ⴷⴷⵓ ⵖⵔ ⵜⵓⵎⴰⵢⵜ
web-nav = ⴰⵙⵉⴽⵍ ⴰⴳⵊⴷⴰⵏ
web-languages = ⵜⵓⵜⵍⴰⵢⵉⵏ
web-language-name = ⵜⴰⵎⴰⵣⵉⵖⵜ
web-login = ⴽⵛⵎ
web-logout = ⴼⴼⵖ
web-signup = ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ
web-footer = ⵜⴰⵡⴰⵚⵍ, ⴰⵙⵖⴰⵡⴰⵙ ⵉⵍⴻⵍⵍⵉ (AGPL) ⵉ ⵜⵎⴰⴳⴷⴰⵢⵜ ⵜⴰⴷⵖⴰⵔⴰⵏⵜ
web-open-data = ⵉⵙⴼⴽⴰ ⵉⵕⵥⵎⵏ
web-home = ⴰⵙⵏⴱⴷⵓ
web-home-about = ⵙⴽⵏ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⴳ ⵓⴳⵔⴰⵡ ⵏⵏⴽ, ⴹⴼⵕ ⵜⵉⵔⴰⵔⵉⵏ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ ⵏ ⵜⵊⵎⴰⵄⵜ, ⵙⵙⵓⵊⴷ ⵜⵓⵙⵏⵉⵡⵉⵏ ⵉ ⵓⵙⵇⵇⵉⵎ.
web-communes = ⵜⵉⵊⵎⴰⵄⵉⵏ
web-latest = ⵉⵎⴰⵢⵏⵓⵜⵏ
web-nothing-yet = ⵓⵍⴰ ⵢⴰⵜ ⴰⵔ ⴷⵖⵉ.
web-feed = ⴰⴼⵍⵓⵍ Atom ⵏ ⵜⴰⵙⵏⴰ ⴰ
web-no-match = ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵓⵔⵣⵓ ⴰ.
web-clear-filters = ⵥⵕ ⴰⴽⴽ ⵉⵎⵓⴽⵔⴰⴹ
web-threshold = { $count ->
    [one] ⵜⵓⵙⵏⵉⵜ: ⵢⴰⵜ ⵜⵙⵎⴰⵍⵜ
   *[other] ⵜⵓⵙⵏⵉⵜ: { $count } ⵏ ⵜⵙⵎⴰⵍ
}
web-report = ⵙⴽⵏ ⴰⵎⵓⴽⵔⴰⴹ
web-report-thanks = ⵜⴰⵏⵎⵎⵉⵔⵜ! ⴰⵎⵓⴽⵔⴰⴹ ⵏⵏⴽ ⵉⵜⵜⵓⵙⴽⴰⵏ ⵉ ⵎⴰⵕⵕⴰ, ⵉⵜⵜⵓⵣⵏ ⵉ { $department } ({ $commune }). ⵜⴹⴼⵕⴷ ⵜ: ⴽⵓ ⵜⴰⵔⴰⵔⵜ ⴰⴷ ⴰⴽ ⵜⴰⵡⴹ ⵙ ⵜⵉⴼⵔⴰⵏ ⵏⵏⴽ ⵏ ⵜⵉⴱⵔⴰⵜⵉⵏ.
web-report-thanks-held = ⵜⴰⵏⵎⵎⵉⵔⵜ! ⴰⵎⵙⵏⵙⴰⵖ ⴰⴷ ⵉⵖⵔ ⴰⵎⵓⴽⵔⴰⴹ ⵏⵏⴽ ⴷⴰⵜ ⴰⴷ ⵉⵜⵜⵓⵙⴽⴰⵏ, ⴷⴼⴼⵉⵔ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵉ { $department } ({ $commune }). ⵜⴹⴼⵕⴷ ⵜ: ⴽⵓ ⵜⴰⵔⴰⵔⵜ ⴰⴷ ⴰⴽ ⵜⴰⵡⴹ ⵙ ⵜⵉⴼⵔⴰⵏ ⵏⵏⴽ ⵏ ⵜⵉⴱⵔⴰⵜⵉⵏ.
web-issues = ⵉⵎⵓⴽⵔⴰⴹ
web-search = ⵔⵣⵓ
web-status = ⴰⴷⴷⴰⴷ
web-all = ⴰⴽⴽ
web-category = ⴰⵏⴰⵡ
web-arrondissement = ⵜⴰⵎⵏⴰⴹⵜ
web-filter = ⵙⵜⵉ
web-more = ⵓⴳⴳⴰⵔ
web-open = ⵉⵕⵥⵎⵏ
web-closed = ⵉⵜⵜⵓⵇⵇⵏⵏ
web-figures = ⵉⵎⴹⴰⵏ ⵏ ⵜⵊⵎⴰⵄⵜ
web-chart-title = ⴰⵎⵜⵜⵉ ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵉⵖ ⵜⵜⵓⵔⴰⵔ ⴳ ⵜⵉⵣⵉ, ⵙ ⵓⵏⴰⵡ
web-petitions = ⵜⵓⵙⵏⵉⵡⵉⵏ
web-signatures-of = { $count } ⵏ ⵜⵙⵎⴰⵍ ⵙⴳ { $threshold }
web-supports = { $count ->
    [one] ⵢⴰⵏ ⵓⵙⵏⴷ
   *[other] { $count } ⵏ ⵉⵙⵏⴷⵏ
}
web-support = ⵏⴽⴽ ⴰⵡⴷ
web-unsupport = ⴽⴽⵙ ⴰⵙⵏⴷ ⵉⵏⵓ
web-follow = ⴹⴼⵕ
web-unfollow = ⴰⴷ ⵓⵔ ⴹⴼⵕⵖ
web-thread = ⵉⵎⵙⴰⵡⴰⵍⵏ
web-no-replies = ⵓⵍⴰ ⵢⴰⵜ ⵜⵔⴰⵔⵉⵜ ⴰⵔ ⴷⵖⵉ.
web-official-answer = ⵜⵉⵔⴰⵔⵉⵜ ⵜⵓⵏⵚⵉⴱⵜ
web-your-reply = ⵜⵉⵔⴰⵔⵉⵜ ⵏⵏⴽ
web-send = ⴰⵣⵏ
web-login-to-reply = ⴽⵛⵎ ⵃⵎⴰ ⴰⴷ ⵜⵔⴰⵔⴷ, ⵜⵙⵏⴷⴷ ⵏⵖ ⵜⴹⴼⵕⴷ.
web-history = ⴰⵎⵣⵔⵓⵢ
web-reported-on = ⵉⵜⵜⵓⵙⴽⵏ ⴳ { $at }
web-former-resident = ⴰⵏⵣⴷⵖ ⴰⵣⴰⵢⴽⵓ
web-fix-fields = ⵙⵖⵖⴷ ⵉⴳⴳⵉ:
web-issue-title = ⴰⵣⵡⵍ
web-issue-description = ⴰⴳⵍⴰⵎ
web-issue-address = ⴰⵏⵙⴰ ⵏⵖ ⵜⴰⵎⴰⵜⴰⵔⵜ (ⵓⵔ ⵉⵇⵇⵉⵏ)
web-location = ⴰⴷⵖⴰⵔ (ⵓⵔ ⵉⵇⵇⵉⵏ)
web-location-help = ⴰⵔⵓ ⵜⵉⵍⵜⵉⵜ ⴷ ⵜⵉⵣⴳⵍⵜ, ⵏⵖ ⵙⵎⵔⵙ ⴰⴷⵖⴰⵔ ⵏ ⵜⵎⴰⵙⵉⵏⵜ ⵏⵏⴽ.
web-lat = ⵜⵉⵍⵜⵉⵜ
web-lon = ⵜⵉⵣⴳⵍⵜ
web-use-my-location = ⵙⵎⵔⵙ ⴰⴷⵖⴰⵔ ⵉⵏⵓ
web-location-found = ⴰⴷⵖⴰⵔ ⵏ ⵓⵙⴰⵍⵍⵓ ⵏⵏⴽ ⵉⵍⵍⴰ ⴳ ⵜⵙⵏⵖⵎⵉⵙⵜ; ⵙⵙⵉⵜⵎ ⵜ ⴷⴰⵜ ⴰⴷ ⵜⴰⵣⵏⴷ.
web-location-refused = ⵓⵔ ⵉⴼⴽⵉ ⵓⵙⴰⵍⵍⵓ ⵏⵏⴽ ⴰⴷⵖⴰⵔ ⵏⵏⵙ: ⴰⵔⴰ ⴰⵏⵙⴰ ⵏⵖ ⴽⵔⴰ ⵏ ⵓⵎⴰⵜⴰⵔ, ⵏⵖ ⵉⵙⵖⴰⵍⵏ.
web-email = ⴰⵏⵙⴰ ⵏ ⵓⵎⴰⵢⵍ
web-password = ⴰⵡⴰⵍ ⵏ ⵓⵣⵔⴰⵢ
web-password-new = ⴰⵡⴰⵍ ⵏ ⵓⵣⵔⴰⵢ (10 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵓⴳⴳⴰⵔ)
web-forgot = ⵜⴻⵜⵜⵓⴷ ⴰⵡⴰⵍ ⵏ ⵓⵣⵔⴰⵢ
web-display-name = ⵉⵙⵎ ⵉⵜⵜⵓⵙⵎⴰⵍⴰⵏ
web-language = ⵜⵓⵜⵍⴰⵢⵜ
web-cndp-notice = ⵉⵙⴼⴽⴰ ⵏⵏⴽ ⵜⵜⵓⵙⵎⵔⵙⵏ ⵙ ⵓⵙⵍⴳⵏ 09.08; ⴰⵙⵙⴼⵔⵓ ⵖⵔ CNDP ⵡⵉⵙ { $number }.
web-cndp-notice-unset = ⵉⵙⴼⴽⴰ ⵏⵏⴽ ⵜⵜⵓⵙⵎⵔⵙⵏ ⵙ ⵓⵙⵍⴳⵏ 09.08. ⴰⵙⵉⵜ ⴰ ⵓⵔ ⵉⵙⵙⴼⵔⵓ ⴰⵙⵎⵔⵙ ⴰ ⵖⵔ CNDP: ⵉⴳⴰ ⵜ ⵉ ⵓⵔⵉⵎ ⵏⵖ ⵉ ⵓⵙⴽⴰⵏ, ⵓⵔ ⵜⵙⵔⵙⴷ ⴳⵉⵙ ⵉⵙⴼⴽⴰ ⵏ ⵜⵉⴷⵜ.
web-my-account = ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
web-my-issues = ⵉⵎⵓⴽⵔⴰⴹ ⵉⵏⵓ
web-my-follows = ⵎⴰⵢⵏ ⴹⴼⵕⵖ
web-my-petitions = ⵜⵓⵙⵏⵉⵡⵉⵏ ⵉⵏⵓ
web-notifications = ⵜⵉⴱⵔⴰⵜⵉⵏ ⵍⵍⵉ ⵜⵜⴰⵎⵥⵖ
web-pref-issue-updates = ⵜⵉⵔⴰⵔⵉⵡⵉⵏ ⵜⵓⵏⵚⵉⴱⵉⵏ ⴷ ⵓⵎⵙⵏⴼⵍ ⵏ ⵓⴷⴷⴰⴷ ⵏ ⵎⴰⵢⵏ ⵙⴽⵏⵖ ⵏⵖ ⴹⴼⵕⵖ
web-pref-all-replies = ⴰⴽⴽ ⵜⵉⵔⴰⵔⵉⵡⵉⵏ ⵢⴰⴹⵏⵉⵏ ⴰⵡⴷ
web-pref-petition-updates = ⵜⵉⵙⴽⵯⴼⵉⵏ ⵏ ⵜⵓⵙⵏⵉⵡⵉⵏ ⵍⵍⵉ ⵙⵎⵍⵖ ⵏⵖ ⴹⴼⵕⵖ
web-pref-official = ⵉⵎⵓⴽⵔⴰⴹ ⵉⵎⴰⵢⵏⵓⵜⵏ ⴳ ⵓⵙⵏⵙⵍ ⵉⵏⵓ
web-pref-official-immediate = ⵢⴰⵜ ⵜⴱⵔⴰⵜ ⵉ ⴽⵓ ⴰⵎⵓⴽⵔⴰⴹ
web-pref-official-daily = ⴳ ⵓⵙⵎⵓⵏ ⵏ ⵜⵉⴼⴰⵡⵜ
web-pref-official-off = ⵓⵍⴰ ⵢⴰⵜ
web-save = ⵃⴹⵓ
web-saved = ⵉⵜⵜⵓⵃⴹⴰ.
web-my-data = ⵉⵙⴼⴽⴰ ⵉⵏⵓ
web-export = ⴰⴳⵎ ⴰⴽⴽ ⵉⵙⴼⴽⴰ ⵉⵏⵓ (JSON)
web-delete-explained = ⴰⴽⴽⵙ ⵏ ⵓⵎⵉⴹⴰⵏ ⵉⵏⵓ ⴰⴷ ⵉⵙⴼⴹ ⵉⵙⴼⴽⴰ ⵉⵏⵓ ⵉⵏⵎⵖⵓⵔⵏ; ⵜⵜⵉⵇⵇⵉⵎⵏ ⵜⵉⵎⵓⵙⵙⵓⵜⵉⵏ ⵉⵏⵓ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ ⵙ « ⴰⵏⵣⴷⵖ ⴰⵣⴰⵢⴽⵓ », ⴷ ⵜⵜⵓⴽⴽⵙⵏⵜ ⵜⵙⵎⴰⵍ ⵉⵏⵓ ⴳ ⵜⵓⵙⵏⵉⵡⵉⵏ ⵍⵍⵉ ⵙⵓⵍ ⵙⵎⵓⵏⵉⵏⵜ.
web-delete-confirm = ⵙⵙⵏⵜⵎⵖ ⵉⵙ ⵔⵉⵖ ⴰⴷ ⴽⴽⵙⵖ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
web-delete = ⴽⴽⵙ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
web-deleted-title = ⴰⵎⵉⴹⴰⵏ ⵉⵜⵜⵓⴽⴽⵙ
web-deleted = ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴷ ⵉⵙⴼⴽⴰ ⵏⵏⴽ ⵉⵏⵎⵖⵓⵔⵏ ⵜⵜⵓⵙⴼⴹⵏ.
web-duplicates = ⵉⵜⵜⵓⵙⴽⵏ ⵢⴰⴷ?
web-duplicates-help = ⵉⵎⵓⴽⵔⴰⴹ ⴰ ⵉⵕⵥⵎⵏ ⵏ ⵢⴰⵏ ⵓⵏⴰⵡ ⵇⵔⵉⴱⵏ ⵏⵖ ⵎⵢⴰⵏⴰⵡⴰⵏ. ⵙⵏⴷ ⵢⴰⵏ ⴳⵉⵙⵏ ⴳ ⵓⵎⴽⴰⵏ ⵏ ⵓⵙⵏⵓⵍⴼⵓ ⵏ ⵓⵎⴰⵢⵏⵓ: ⵜⵥⵕⵕⴰ ⵜⵊⵎⴰⵄⵜ ⵎⵏⵛⴽ ⵏ ⵉⵏⵣⴷⴰⵖ ⴰⵢⴷ ⵢⵓⵥⵏ.
web-support-this = ⵙⵏⴷ ⵡⴰ
web-post-anyway = ⵙⵙⵓⴼⵖ ⴽⵓⵍⵍⵓ
web-watch = ⴰⵙⵓⵔⵙ
web-watch-about = ⵉ ⵜⵎⵙⵎⵓⵏⵉⵏ ⴷ ⵉⵎⴰⵙⵏⵓⵏ ⵍⵍⵉ ⵉⴹⴼⵕⵏ ⵜⵉⵊⵎⴰⵄⵉⵏ: ⵉⵎⴹⴰⵏ ⵏ ⴽⵓ ⵢⴰⵜ, ⵉⵙⴼⴽⴰ ⵏⵏⵙ ⵉⵕⵥⵎⵏ ⴷ ⵉⴼⵍⵓⵍⵏ ⵏⵏⵙ ⵙ ⵓⵏⴰⵡ.
web-exports = ⵉⵙⴼⴽⴰ ⵉⵕⵥⵎⵏ
web-open-data-about = ⴰⴽⴽ ⵎⴰⵢⵏ ⵉⵜⵜⵓⵙⴽⴰⵏ ⵉ ⵎⴰⵕⵕⴰ ⴳ ⵜⵡⴰⵙⵓⵍ ⵉⵣⵎⵔ ⴰⴷ ⵉⵜⵜⵓⵙⴰⴳⵎ ⴽⵓⵍⵍⵓ, ⴱⵍⴰ ⴰⵎⵉⴹⴰⵏ ⴷ ⴱⵍⴰ ⵜⴰⵙⴰⵔⵓⵜ: ⵉⵎⵓⴽⵔⴰⴹ ⴷ ⵜⵓⵙⵏⵉⵡⵉⵏ ⵙ CSV ⵏⵖ JSON Lines, ⵉ ⵜⵎⵓⵔⵜ ⴽⵓⵍⵍⵓ ⵏⵖ ⵉ ⵢⴰⵜ ⵜⵊⵎⴰⵄⵜ, ⵉⵎⴹⴰⵏ ⵙ JSON, ⴷ ⵉⴼⵍⵓⵍⵏ Atom ⵉ ⵓⴹⴼⴰⵕ ⵏ ⵎⴰⵢⵏ ⵉⵜⵜⴱⴷⴰⵍⵏ.
web-open-data-privacy = ⵓⵔ ⴷⴰⵔⵙ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵛⵛⵉⴹⵜ ⵜⵓⵏⵏⵉⵎⵜ: ⵓⵍⴰ ⵉⵎⵙⵙⵓⴳⵓⵔⵏ, ⵓⵍⴰ ⵉⵏⵙⴰ ⵉⵜⵜⵓⵜⵔⴰⵏ, ⵓⵍⴰ ⵉⵎⵙⵙⵓⵎⴰⵏ; ⵉⴷⵖⴰⵔⵏ ⵜⵜⵓⵙⵙⵓⵎⴰⵏ ⵙ ⵓⵏⴰⵎⵓⵙ ⵏ 11 ⵎ.
web-open-data-all = ⴰⴽⴽ ⵜⵉⵊⵎⴰⵄⵉⵏ
web-feeds = ⵉⴼⵍⵓⵍⵏ Atom
web-feed-help = ⴰⴼⵍⵓⵍ ⵏⵏⴽ ⵉⵎⵏⵖⵓⵔ ⵉⵙⵎⵓⵏ ⴰⴽⴽ ⵎⴰⵢⵏ ⵜⴹⴼⵕⴷ, ⴳ ⵢⴰⵏ ⵓⵏⵙⴰ ⵓⴼⴼⵉⵔ (ⴰⵏⵙⴰ ⴰⵎⴰⵢⵏⵓ ⵉⵙⵏⴼⴰⵍ ⴰⵣⴰⵢⴽⵓ).
web-feed-create = ⵙⵏⵓⵍⴼⵓ ⴰⵏⵙⴰ ⵏ ⵓⴼⵍⵓⵍ ⵉⵏⵓ
web-feed-login = ⴽⵛⵎ ⴰⴷ ⵜⵙⵏⵓⵍⴼⵓⴷ ⵡⵉⵏⵏⴽ
web-feed-created = ⴰⵏⵙⴰ ⵏ ⵓⴼⵍⵓⵍ ⵏⵏⴽ (ⴰⵔⵓ ⵜ, ⵓⵔ ⵉⵜⵜⴱⴰⵢⴰⵏ ⵖⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍ):
web-petition-council-actions = ⵉ ⵜⵊⵎⴰⵄⵜ: ⴰⵔⵓ ⵜⵉⴳⵜⵜⵓⵢⵉⵏ
web-petition-admissible = ⵜⵜⵓⵇⴱⵍ (ⵙ ⵜⴳⵜⵜⵓⵢⵜ ⵏ ⵓⵙⵏⵓⴱⴳ)
web-petition-inadmissible = ⵓⵔ ⵜⵜⵓⵇⴱⵍ (ⵙ ⵜⵎⵏⵜⵉⵍⵉⵏ)
web-petition-put-on-agenda = ⵙⴽⵛⵎ ⵖⵔ ⵓⵖⴰⵡⴰⵙ
web-petition-adopted = ⵜⵜⵓⵇⴱⵍ ⵙⴳ ⵓⵙⵇⵇⵉⵎ
web-petition-rejected = ⵜⵜⵓⵙⵔⵙ
web-petition-record-decision = ⴰⵔⵓ ⵜⴰⴳⵜⵜⵓⵢⵜ ⵏ ⵓⵙⵇⵇⵉⵎ
web-petition-dossier = ⴰⵙⴰⴷⵓⵙ ⵏ ⵓⵙⵙⵔⵙ (ⵉ ⵓⵙⵉⴳⴳⵣ)
detail-csrf = ⵜⴰⵍⵖⴰ ⴰⴷ ⵜⵎⵎⵓⵜ ⵏⵖ ⵓⵔ ⴷ ⵜⴽⴽⵉ ⵙⴳ ⵓⵙⵎⵎⴰⵙ ⴰ. ⴰⵍⵙ ⴰⵙⵍⵍⵓⵢ ⵏ ⵜⴰⵙⵏⴰ ⵜⴰⵍⵙⴷ.

## Web: petitions

web-petition-commune = ⵜⴰⵊⵎⴰⵄⵜ
web-petition-new = ⵙⵏⵜⵉ ⵜⵓⵙⵏⵉⵜ
web-petition-all = ⵜⵓⵙⵏⵉⵡⵉⵏ ⴰⴽⴽ
web-petition-overdue = ⵉⵣⵔⵉ ⵓⵣⵎⵣ: ⵜⴰⵊⵎⴰⵄⵜ ⵜⵄⵟⵟⵍ.
web-petition-request = ⴰⵙⵓⵜⵔ (ⴰⵏⵇⵇⵉⴹ ⵏⵏⴰ ⵉⵜⵜⵓⵙⴽⵛⵎⵏ ⴳ ⵓⵙⵖⵉⵡⵙ ⵏ ⵓⵙⵇⵇⵉⵎ)
web-petition-reasons = ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⴷ ⵉⵡⵜⵜⴰⵙⵏ
web-petition-agent = ⴰⵎⴰⵡⴰⵍ: { $name }
web-petition-by-association = ⵜⴻⵜⵜⵓⵙⴽⵔ ⵙⴳ ⵜⵎⵙⵙⵓⴷⵙⵜ { $name }
web-petition-agent-actions = ⵜⵉⴳⴰⵡⵉⵏ ⵏⵏⴽ ⵙ ⵓⵎⴰⵡⴰⵍ
web-petition-publish = ⵙⵙⵓⴼⵖ ⵜⵓⵙⵏⵉⵜ, ⵙⵏⵜⵉ ⴰⵙⵎⵓⵏ ⵏ ⵜⵙⵎⴰⵍ
web-petition-publish-association = ⵜⵓⵊⴷ ⵉ ⵓⵙⵔⵙ
web-petition-mark-filed = ⴰⵔⵓ ⴰⵙⵔⵙ
web-petition-withdraw-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⵙⵙⵓⴼⵖ (ⴰⵔ ⵜⵜⵓⵙⵖⴰⵍ)
web-petition-withdraw = ⵙⴽⴽⵙ ⵜⵓⵙⵏⵉⵜ
web-petition-sign = ⵙⵎⴰⵍ ⵜⵓⵙⵏⵉⵜ ⴰⴷ
web-petition-sign-button = ⵙⵎⴰⵍ
web-petition-login-to-sign = ⴽⵛⵎ ⴰⴷ ⵜⵙⵎⴰⵍⵜ ⵏⵖ ⴰⴷ ⵜⴹⴼⵕⵜ ⵜⵓⵙⵏⵉⵜ ⴰⴷ.
web-petition-signed = ⵜⵙⵎⴰⵍⵜ ⵜⵓⵙⵏⵉⵜ ⴰⴷ.
web-petition-withdraw-signature = ⵙⴽⴽⵙ ⵜⴰⵙⵎⴰⵍⵜ ⵉⵏⵓ
web-petition-full-name = ⵉⵙⵎ ⴷ ⵓⵏⴰⵙⵙⴰⴱ ⵎⴰⵏⵉⵎ ⵍⵍⴰⵏ ⴳ ⵜⴽⴰⵕⴹⴰ ⵏⵏⴽ ⵜⴰⵏⴰⵎⵓⵔⵜ
web-petition-cin = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ (CIN)
web-petition-cin-help = ⵉⵜⵜⵓⵙⵏⴼⵍ, ⵓⵔ ⵉⵜⵜⵓⵙⵙⴰⴽⵣ ⴰⴱⴷⴰ: ⵉⵍⵍⴰ ⵖⴰⵙ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏⵏⴰ ⵉⵜⵜⵓⵡⵙⵏ ⵉ ⵓⵏⵎⵖⵓⵔ ⵏ ⵓⵙⵇⵇⵉⵎ.
web-petition-address = ⴰⵏⵙⴰ
web-petition-declarations = ⴰⴷ ⵙⵙⵏⵜⴰⵖ:
web-petition-declare-lives = ⵣⴷⵖⵖ ⵏⵖ ⵅⴷⴷⵎⵖ ⴳ ⵜⵊⵎⴰⵄⵜ.
web-petition-declare-roll = ⵜⵜⵓⴰⵔⵓⵖ ⴳ ⵜⵍⴳⴰⵎⵉⵏ ⵏ ⵓⴼⵔⴰⵏ (ⵏⵖ ⵍⵍⴰⵏⵜ ⴷⵉ ⵜⵡⵜⵜⵉⵜⵉⵏ).
web-petition-declare-interest = ⵖⵓⵔⵉ ⵜⴰⵏⴼⵓⵜ ⵜⵓⵙⵔⵉⴷⵜ ⴳ ⵓⵙⵓⵜⵔ ⴰⴷ.
web-petition-show-name = ⵙⵙⴽⵏ ⵉⵙⵎ ⵉⵏⵓ ⴳⵔ ⵉⵎⵙⵎⴰⵍⵏ ⵉⴳⴷⵓⴷⴰⵏⵏ.
web-petition-consent = ⴰⵎⵙⴰⵙⴰ ⵉⵏⵓ ⵉⴱⴰⵢⵏⵏ
web-petition-steps = ⵜⵉⵙⵓⵔⵉⴼⵉⵏ ⵏⵏⴰ ⵢⵓⵙⵙⴰⵏ ⵓⵣⵔⴼ
web-petition-current = ⵜⴰⵙⵓⵔⵉⴼⵜ ⵏ ⵖⵉⵍⴰ
web-petition-step-collecting = ⵉⵣⴷⵖⵏ ⵙⵎⴰⵍⵏ ⴷⵖⵉ ⴰⵔ ⴰⴷ ⴰⵡⴹⵏ ⴰⵎⴹⴰⵏ ⵏⵏⴰ ⵢⵓⵙⵙⴰ ⵓⵣⵔⴼ ⵉ ⵜⵊⵎⴰⵄⵜ.
web-petition-step-ready = ⵜⵉⵙⵎⴰⵍ ⵙⵡⴰⵏⵜ: ⴰⵎⴰⵡⴰⵍ ⵉⵙⵔⵙ ⵜⵓⵙⵏⵉⵜ ⴷⴰⵔ ⵓⵏⵎⵖⵓⵔ ⵏ ⵓⵙⵇⵇⵉⵎ.
web-petition-step-filed = ⵜⵜⵓⵙⵔⵙ: ⵖⵓⵔ ⵓⵙⵇⵇⵉⵎ ⴽⵕⴰⴹ ⵉⵢⵢⵉⵔⵏ ⴰⴷ ⵉⵏⵉ ⵎⴰ ⵜⵜⵓⵇⴱⴰⵍ.
web-petition-step-admissible = ⴰⵙⵇⵇⵉⵎ ⵉⵙⵙⵉⵔⵉⴷ ⵜⵜ; ⴰⴳⵓⵢ ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵙ ⵜⵎⵏⵜⵉⵍⵉⵏ.
web-petition-step-on-agenda = ⵎⴰ ⵜⵜⵓⵇⴱⴰⵍ, ⵜⵜⵓⵙⴽⵛⴰⵎ ⴳ ⵓⵙⵖⵉⵡⵙ ⵏ ⵢⴰⵏ ⵓⵎⵢⴰⵏⴰⵡ ⴰⵎⴰⴳⵏⵓ.
web-petition-step-decided = ⴰⵙⵇⵇⵉⵎ ⵉⴼⵔⵏ; ⵜⴰⴳⵜⵜⵓⵎⴰ ⵏⵏⵙ ⵜⴳⴷⵓⴷⴰⵏⵜ.
web-petition-timeline = ⴰⵎⵣⵔⵓⵢ ⴰⴳⴷⵓⴷⴰⵏ
web-petition-platform = ⵜⴰⵡⴰⵙⵓⵍ (ⵉⵜⵜⵓⵡⴰⵡⴹ ⵓⵎⴹⴰⵏ)
web-petition-deadline = ⵉⵇⵇⴰⵏ ⵉ ⵜⵊⵎⴰⵄⵜ ⴰⴷ ⵜⵙⵙⵍⴽⵎ ⴰⴳⵓⵢ ⴰⵔ { $date }.
web-petition-days-left = { $count ->
    [one] ⵉⵇⵇⵉⵎ ⵢⴰⵏ ⵡⴰⵙⵙ.
   *[other] ⵇⵇⵉⵎⵏ { $count } ⵏ ⵡⵓⵙⵙⴰⵏ.
}
web-petition-signatories = ⵉⵎⵙⵎⴰⵍⵏ ⵉⴳⴷⵓⴷⴰⵏⵏ
web-petition-no-signatories = ⵓⵍⴰ ⵢⴰⵏ ⵉⵙⵎ ⴰⴳⴷⵓⴷⴰⵏ ⴰⵔ ⴷⵖⵉ.
web-petition-draft-help = ⴰⵣⵔⴰⴳ ⵓⵔ ⵜ ⵉⵜⵜⵥⵕ ⵅⵙ ⴽⵢⵢ ⴰⵔ ⴰⴷ ⵜ ⵜⵙⵙⵓⴼⵖⴷ; ⴷⴼⴼⵉⵔ ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⴰⵍ ⵓⴹⵔⵉⵙ ⵏⵏⵙ.
web-petition-filer = ⵎⴰⵏⵡ ⵉⵙⴽⴰⵔⵏ ⵜⵓⵙⵏⵉⵜ
web-petition-filer-citizens = ⵉⵣⴷⵖⵏ (ⵜⵓⵙⵏⵉⵜ ⵏ ⵉⵖⵔⵎⴰⵏⵏ; ⵏⴽⴽ ⴰⵎⴰⵡⴰⵍ ⵏⵏⵙ)
web-petition-filer-association = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵏⵏⴰ ⴳ ⵍⵍⵉⵖ
web-petition-organisation = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ
web-petition-assoc-standing = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵜⵍⵍⴰ ⵙ ⵓⵣⵔⴼ.
web-petition-assoc-office = ⵖⵓⵔⵙ ⴰⵏⵙⴰ ⵏⵖ ⵜⴰⴳⵣⵣⵓⵎⵜ ⴳ ⵜⵊⵎⴰⵄⵜ.
web-petition-assoc-activity = ⵜⴰⵡⵓⵔⵉ ⵏⵏⵙ ⵜⵇⵇⵏ ⵙ ⵓⵙⵏⵜⵍ ⵏ ⵜⵓⵙⵏⵉⵜ.
web-petition-create = ⵙⴽⵔ ⴰⵣⵔⴰⴳ
web-petition-detail-receipt-number = ⵓⵟⵟⵓⵏ ⵏ ⵓⵙⵖⵉ
web-petition-detail-filed-on = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵔⵙ
web-petition-detail-refusal-deadline = ⴰⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ ⵏ ⵓⴳⵓⵢ
web-petition-detail-next-session-on = ⴰⵎⵢⴰⵏⴰⵡ ⴰⵎⴰⴳⵏⵓ ⵏ ⴷⴰⵜ
web-petition-detail-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ
web-petition-detail-session-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⴳⵔⴰⵡⵜ
web-petition-detail-committee = ⵜⴰⵎⵢⴰⵡⴰⵙⵜ
web-petition-detail-outcome = ⵜⴰⴳⵜⵜⵓⵎⴰ
web-petition-detail-summary = ⴰⵙⴳⵣⵓⵍ
web-petition-detail-signatures = ⵜⵉⵙⵎⴰⵍ
web-petition-detail-threshold = ⴰⵎⴹⴰⵏ
## Web: desk and moderation

web-desk = ⴰⴱⵉⵔⵓ ⵉⵏⵓ
web-moderation = ⴰⵙⵎⵓⵜⵜⵉ
web-desk-title = ⴰⴱⵉⵔⵓ ⵏ ⵓⵎⵙⵍⵓⵍ
web-desk-new = ⵉⵎⵓⴽⵔⴰⴹ ⵉⵎⴰⵢⵏⵓⵜⵏ ⴱⵍⴰ ⴰⵔⵓⵔ
web-desk-overdue = ⵣⵔⵉⵏ ⴰⴽⵓⴷ ⵏ ⵓⵔⵓⵔ
web-desk-waiting = ⵔⵊⴰⵏ ⴰⵔⵓⵔ ⵉⵏⵓ
web-desk-empty = ⵓⵍⴰ ⵢⴰⵜ ⴷⴰ ⵖⵉⵍⴰ.
web-desk-petitions = ⵜⵓⵙⵏⵉⵡⵉⵏ ⵏ ⵜⵎⵙⵙⵓⵔⵜ
web-deadline = ⴰⴽⵓⴷ
web-days-overdue = { $count ->
    [one] ⵢⴰⵏ ⵡⴰⵙⵙ ⵏ ⵓⵙⵎⴰⵜⵜⵍ
   *[other] { $count } ⵏ ⵡⵓⵙⵙⴰⵏ ⵏ ⵓⵙⵎⴰⵜⵜⵍ
}
web-days-left = { $count ->
    [one] ⵉⵇⵇⵉⵎ ⵢⴰⵏ ⵡⴰⵙⵙ
   *[other] ⵇⵇⵉⵎⵏ { $count } ⵏ ⵡⵓⵙⵙⴰⵏ
}
web-refusal-deadline = ⴰⴳⵢ ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵇⴱⵍ { $date }
web-overdue = ⵉⵣⵔⵉ ⵓⴽⵓⴷ
web-replied-on = ⵢⵓⵡⵙⴷ ⵢⴰⵏ ⵓⵔⵓⵔ ⴳ { $at }
web-moderation-title = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵓⵙⵎⵓⵜⵜⵉ
web-moderation-empty = ⵓⵍⴰ ⵢⴰⵜ ⵎⴰ ⵉⵜⵜⵓⵙⴽⵓⵏ.
web-kind-issue = ⴰⵎⵓⴽⵔⴰⴹ
web-kind-reply = ⴰⵔⵓⵔ
web-visibility-pending = ⵉⵜⵜⵓⵟⵟⵓⴼ ⵉ ⵓⵙⴽⵓⵏ
web-visibility-hidden = ⵉⵜⵜⵓⴼⴼⵔ
web-visibility-public = ⴰⴳⴷⵓⴷⴰⵏ
web-flags = { $count ->
    [one] ⵢⴰⵏ ⵓⵙⵎⵔⴰⵙ
   *[other] { $count } ⵏ ⵉⵙⵎⵔⴰⵙⵏ
}
web-reason = ⴰⵙⵔⴰⴳ (ⵉⵜⵜⵓⵣⵏ ⵉ ⵓⵎⴰⵔⴰ ⵎⴽ ⵉⵜⵜⵓⴼⴼⵔ ⵏⵖ ⵉⵜⵜⵓⵔⴰⵔ)
web-hide = ⴼⴼⵔ
web-restore = ⵔⴰⵔ
web-answer-title = ⴰⵔⵓⵔ ⴰⵎⵙⵍⵓⵍ
web-answer-body = ⴰⵔⵓⵔ ⵏⵏⴽ ⴰⴳⴷⵓⴷⴰⵏ
web-new-status = ⴰⴷⴷⴰⴷ ⴰⵎⴰⵢⵏⵓ
web-keep-status = ⴰⵊⵊ ⴰⴷⴷⴰⴷ ⵏ ⵖⵉⵍⴰ
web-status-note = ⵜⴰⵏⵏⴰⵎⵜ ⵉ ⵓⵎⵣⵔⵓⵢ (ⴰⵔⵓⵔ ⵏⵏⴽ ⵎⴽ ⵜⵅⵡⴰ)
web-expected-on = ⴰⵙⴰⴽⵓⴷ ⵉⵜⵜⵓⵔⴰⵊⴰⵏ
web-expected-on-invalid = ⴰⵙⴰⴽⵓⴷ ⵉⵍⴰⵇ ⴰⴷ ⵢⵉⵍⵉ ⴷ ⴰⵙⴰⴽⵓⴷ (ⴰⵙⴳⴳⵯⴰⵙ-ⴰⵢⵢⵓⵔ-ⴰⵙⵙ).
web-responsible-body = ⵜⴰⵙⵏⵓⴱⴳⴰ ⵜⴰⵎⵙⵡⵓⵍⵜ
web-duplicate-of = ⵓⵟⵟⵓⵏ ⵏ ⵓⵎⵓⴽⵔⴰⴹ ⴰⵏⴰⵥⵓⵕ
web-answer-send = ⵙⵙⵓⴼⵖ ⴰⵔⵓⵔ

# issue 14: one text rule, personal data
field-text-control = ⴰⴹⵕⵉⵙ ⴰ ⴳⵉⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ ⵓⵔ ⵉⵜⵜⵢⴰⵏⵏⴰⵢⵏ: ⴽⴽⵙ ⵜⵏ.
field-text-bidi = ⵉⵙⵎ ⵓⵔ ⵉⵣⵎⵎⵔ ⴰⴷ ⵢⴰⵎⵥ ⵉⵙⴽⴽⵉⵍⵏ ⵍⵍⵉ ⵉⵙⵏⴼⴰⵍⵏ ⴰⵏⵉⵡ ⵏ ⵜⵖⵓⵔⵉ.
field-personal-data = ⴰⴹⵕⵉⵙ ⴰ ⵉⴳⴰ ⴰⵏⴰⵎⵓⵏ ⵖⵉⵍⴰⴷ: ⴽⴽⵙ ⴳⵉⵙ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵖ ⴰⵏⵙⴰ ⵏ ⵜⵉⵔⵔⴰ ⵏⵖ ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ.
field-issue-address = ⴰⵔⵓ ⴰⵏⵙⴰ ⵏ 300 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵎⴰⵃⴷ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⵉⴳ.
field-flag-reason = ⵙⵙⴼⵔⵓ ⴰⵙⵎⵎⴻⵍ ⵙⴳ 1 ⴰⵔ 500 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-decision-reason = ⵙⵙⴼⵔⵓ ⵜⴰⴳⵜⵜⴰ ⵙⴳ 1 ⴰⵔ 1000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
field-organisation-name = ⴰⵔⵓ ⵉⵙⵎ ⵏ ⵜⵎⵙⵙⵓⴷⵓⵜ ⵙⴳ 1 ⴰⵔ 200 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⵉⴳ.
field-organisation-purpose = ⵙⵙⴼⵔⵓ ⵉⵙ ⵎⴰⵢ ⵜⵍⵍⴰ ⵜⵎⵙⵙⵓⴷⵓⵜ ⵙⴳ 1 ⴰⵔ 2000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.

# issue 14: expensive classes of work
detail-busy = ⴰⵟⵟⴰⵙ ⵏ ⵜⵓⵜⵜⵔⵉⵡⵉⵏ ⵣⵓⵏⴷ ⵜⵉⵏⴰ (ⵉⵙⵡⴰⵍⵏ, ⴰⵔⵣⵣⵓ, ⴰⵙⵙⵉⴼⴹ ⵏⵖ ⵜⵉⵍⴳⴰⵎⵉⵏ ⵜⵉⵖⵣⵉⴼⵉⵏ) ⴰⵔ ⵜⵜⵓⵙⵎⵉⴹⵏⵜ ⵖⵉⵍⴰⴷ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵙⵉⵏⵜⵉⵜⵉⵏ.
web-figures-busy = ⵉⵙⵡⴰⵍⵏ ⴰⵔ ⵜⵜⵓⵙⵎⵉⴹⵏ: ⴰⵍⵙ ⴰⵙⴰⵍⵉ ⵏ ⵜⴰⵙⵏⴰ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵓⵣⵎⵣ.

# issue 14: petitions
dossier-duplicate-mark = ⴰⵙⵏⵖⵍ ⵉⵜⵜⵓⵙⵙⵓⵙⵎⵏ
dossier-duplicates = ⚠ ⴰⵙⵏⵖⵍ ⵉⵜⵜⵓⵙⵙⵓⵙⵎⵏ: ⵉⵣⵔⵉⵔⵉⴳⵏ ⴰ ⵙⵄⴰⵏ ⴰⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏⵏⴰ ⵉⵜⵜⵓⵙⵎⵔⵙⵏ ⴳ ⵜⴰⵙⵎⴰⵍⵜ ⵢⴰⴹⵏ ⵏ ⵜⵓⵙⵏⵉⵜ ⴰⴷ; ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵜⵓⵙⵙⵏⵇⴷⵏ ⵙ ⴷⴰⵜ ⵏ ⵓⵙⵙⵔⵙ. ⵉⵣⵔⵉⵔⵉⴳⵏ: { $count }.
dossier-erased = ⵉⵙⵎⴰⵡⵏ, ⵉⵟⵟⵓⵏⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⴷ ⵉⵏⵙⴰ ⵏ ⵉⵎⵙⵎⴰⵍⵏ ⵜⵜⵓⵙⴼⴹⵏ ⴳ { $at }, ⴳ ⵜⴳⵉⵔⴰ ⵏ ⵜⵉⵣⵉ ⵏ ⵓⵃⵟⵟⵓ ⴷⴼⴼⵉⵔ ⵓⵙⵎⴷⵉ ⵏ ⵜⵓⵙⵏⵉⵜ. ⵇⵇⵉⵎⵏ ⵓⵟⵟⵓⵏ ⵏ ⵜⵙⵎⴰⵍ ⴷ ⵓⵎⵣⵔⵓⵢ ⴰⴳⴷⵓⴷⴰⵏ.

# issue 14: web
web-form-too-large = ⵜⴰⵍⵖⴰ ⴰⴷ ⵜⵖⵣⵣⵉⴼ ⴱⴰⵀⵔⴰ. ⵙⵙⵉⴷⵔⵓ ⴰⴹⵔⵉⵚ ⵏⵏⵙ ⴰⵖⵣⵣⴰⴼ ⵙ ⵓⴳⴳⴰⵔ ⵜⴰⵣⵏⴷ ⵜⵜ ⵜⴰⵍⵙⴷ.
web-form-unsupported = ⵜⴰⵍⵖⴰ ⴰⴷ ⵓⵔ ⴷ ⵜⵜⵓⵣⵏ ⵣⵓⵏⴷ ⵜⴰⵍⵖⴰ ⵏ ⵓⵙⵎⵎⴰⵙ ⴰ. ⴰⵍⵙ ⴰⵙⵍⵍⵓⵢ ⵏ ⵜⴰⵙⵏⴰ ⵜⴰⵍⵙⴷ.
web-form-malformed = ⵜⴰⵍⵖⴰ ⴰⴷ ⵓⵔ ⵜⵜⵓⵖⵔⴰ. ⴰⵍⵙ ⴰⵙⵍⵍⵓⵢ ⵏ ⵜⴰⵙⵏⴰ ⵜⴰⵍⵙⴷ.

## Dates and times, in Morocco's time (pages and mails)
date = { $day } { $month } { $year }
date-time = { $day } { $month } { $year } ⴳ { $time }
month-1 = ⵉⵏⵏⴰⵢⵔ
month-2 = ⴱⵕⴰⵢⵕ
month-3 = ⵎⴰⵕⵚ
month-4 = ⵉⴱⵔⵉⵔ
month-5 = ⵎⴰⵢⵢⵓ
month-6 = ⵢⵓⵏⵢⵓ
month-7 = ⵢⵓⵍⵢⵓⵣ
month-8 = ⵖⵓⵛⵜ
month-9 = ⵛⵓⵜⴰⵏⴱⵉⵔ
month-10 = ⴽⵟⵓⴱⵕ
month-11 = ⵏⵓⵡⴰⵏⴱⵉⵔ
month-12 = ⴷⵓⵊⵏⴱⵉⵔ

## issue 16: errors next to their fields
web-back-to-form = ⴰⵖⵓⵍ ⵖⵔ ⵜⴰⵍⵖⴰ
## issue 16: moderation journeys
mail-moderation-flagged-reason = ⵎⵏⵏⴰⵡ ⵉⵎⵣⴷⴰⵖ ⵙⵎⵔⴰⵙⵏ ⵜ ⵣⵓⵏⴷ ⴰⵙⵔⵓⴼⵍⵓ. ⴰⴷ ⵉⵇⵇⵉⵎ ⵉⵜⵜⵓⴼⴼⵔ ⴰⵔ ⴷ ⵜ ⵉⵙⵙⵓⴷⵙ ⵢⴰⵏ ⵓⵎⵙⵙⵓⴷⵙ; ⴰⴷ ⴰⴽ ⵜⴰⵡⴹ ⵢⴰⵜ ⵜⵓⵣⵉⵏⵜ ⵢⴰⴹⵏ ⵎⴽ ⴷ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵙ ⵓⴳⴷⵓⴷ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ.
web-flag-link = ⵙⵎⵔⵙ ⴰⵙⵔⵓⴼⵍⵓ
web-flag-title = ⵙⵎⵔⵙ ⴰⵙⵔⵓⴼⵍⵓ
web-flag-back = ⵓⵖⴰⵍ ⵖⵔ ⵓⵙⵎⵔⴰⵙ
web-flag-intro = ⵉⵎⵙⵙⵓⴷⵙⵏ ⵏ ⵜⵖⵔⵎⵜ ⴰⴷ ⵖⵔⵏ ⴰⵙⵎⵔⴰⵙ ⵏⵏⴽ. ⴰⵎⴰⵔⴰ ⵓⵔ ⵔⴰⴷ ⵉⵙⵙⵏ ⵎⴰⵏ ⵡⴰ ⵜ ⵉⵣⵏⵏ.
web-flag-reason = ⵎⴰⵅ ⵉⴳⴰ ⴰⵙⵔⵓⴼⵍⵓ?
web-flag-reason-help = ⵙ ⵓⵎⴷⵢⴰ: ⴰⵔⵓⵖⵍ, ⴰⵙⵡⵉⵔⵏ, ⵉⵙⴼⴽⴰ ⵉⵏⵎⵣⵡⴰⵔⵓⵜⵏ ⵏ ⵢⴰⵏ ⵢⴰⴹⵏ, ⴰⵙⵙⵓⴼⵖ, ⴱⵕⵕⴰ ⵏ ⵓⵙⵏⵜⵍ.
web-flag-send = ⴰⵣⵏ ⵉ ⵉⵎⵙⵙⵓⴷⵙⵏ
web-flag-own = ⴰⴷ ⴷ ⴰⴹⵕⵉⵙ ⵏⵏⴽ: ⵓⵔ ⵜⵣⵎⵎⴰⵔⵜ ⴰⴷ ⵜ ⵜⵙⵎⵔⵙⴷ. ⵜⵣⵎⵎⴰⵔⵜ ⴰⴷ ⵜⵙⵖⵖⴷⴷ ⴰⵔⵓⵔ ⵏⵏⴽ ⴳ 15 ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ ⴷⴼⵔ ⵓⵣⵏ ⵏⵏⵙ.
web-flag-done = ⵜⴰⵏⵎⵎⵉⵔⵜ: ⵉⵍⴽⵎ ⴰⵙⵎⵔⴰⵙ ⵏⵏⴽ ⵏ ⵓⵙⵔⵓⴼⵍⵓ ⵉⵎⵙⵙⵓⴷⵙⵏ.
web-flag-already = ⵜⵙⵎⵔⵙⴷ ⵢⴰⴷ ⴰⵢⴰ: ⵉⵎⵙⵙⵓⴷⵙⵏ ⴰⴷ ⵜ ⵙⵙⵓⴷⵙⵏ.
web-keep = ⴰⵊⵊ ⵜ (ⴰⴳⵢ ⵉⵙⵎⵔⴰⵙⵏ)
web-publish = ⵙⵙⵓⴼⵖ
web-moderation-intro = ⵜⵉⵎⵔⵉⵏⵉⵏ ⵉⵜⵜⵓⵙⵎⵔⴰⵙⵏ ⵣⵓⵏⴷ ⴰⵙⵔⵓⴼⵍⵓ, ⵏⵖ ⵉⵜⵜⵓⵟⵟⴼⵏ ⵙ ⵉⵙⴼⴽⴰ ⵉⵏⵎⵣⵡⴰⵔⵓⵜⵏ, ⵏⵖ ⵉⵜⵜⵓⴼⴼⵔⵏ, ⴳ ⵜⵖⵔⵎⵉⵡⵉⵏ ⵍⵍⵉ ⵜⵙⵙⵓⴷⵓⵙⴷ. ⴽⵓ ⵜⴰⴳⵜⵜⴰ ⵜⵔⴰ ⴰⵙⵔⴰⴳ, ⵜⵇⵇⵉⵎ ⵜⵜⵓⵙⵊⵊⵍ.
web-moderation-open = ⵥⵔ ⴳ ⵓⵎⵙⴰⵡⴰⵍ
web-moderation-reasons = ⵉⵙⵔⴰⴳⵏ ⵏ ⵉⵙⵎⵔⴰⵙⵏ:
web-moderation-banner-hidden = ⴰⵙⵎⵔⴰⵙ ⴰⴷ ⵉⵜⵜⵓⴼⴼⵔ ⵅⴼ ⵉⵎⴷⴷⵓⴽⴰⵍ. ⴰⵙⵔⴰⴳ: { $reason }
web-moderation-banner-flagged = ⴰⵙⵎⵔⴰⵙ ⴰⴷ ⵉⵜⵜⵓⴼⴼⵔ ⵅⴼ ⵉⵎⴷⴷⵓⴽⴰⵍ ⴷⴼⵔ ⵎⵏⵏⴰⵡ ⵉⵙⵎⵔⴰⵙⵏ ⵏ ⵓⵙⵔⵓⴼⵍⵓ; ⵓⵔ ⵢⴰⵜⵜⵉ ⵉⴳⴳⵓⵊ ⵢⴰⵏ ⵓⵎⵙⵙⵓⴷⵙ.
web-moderation-banner-held = ⴰⵙⵎⵔⴰⵙ ⴰⴷ ⵉⵜⵜⵓⵟⵟⴼ ⵉ ⵓⵙⵙⵓⴷⵙ: ⴰⴹⵕⵉⵙ ⵏⵏⵙ ⵉⵣⵎⵔ ⴰⴷ ⵢⴰⵎⵥ ⵉⵙⴼⴽⴰ ⵉⵏⵎⵣⵡⴰⵔⵓⵜⵏ. ⵖⴰⵙ ⴰⵎⴰⵔⴰ ⵏⵏⵙ ⴷ ⵉⵎⵙⵙⵓⴷⵙⵏ ⴰⴷ ⵜ ⵢⴰⵏⵏⴰⵢⵏ.
web-moderation-banner-queue = ⴳ ⵜⴰⴳⵜⵜⴰ ⴳ ⵜⵍⵖⴰ ⵏ ⵓⵙⵙⵓⴷⵙ
## issue 16: figures in plain words and association petitions
web-figures-total = { $count ->
    [0] ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⴰⵔ ⴷⵖⵉ.
    [1] ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⴰⵔ ⴷⵖⵉ.
   *[other] { $count } ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⴰⵔ ⴷⵖⵉ.
}
web-figures-answered = { $count ->
    [1] ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵢⵓⴼⴰ ⵜⵉⵔⴰⵔⵉⵜ ⵜⵓⵏⵚⵉⴱⵜ ⴳ { $median } ⵏⵖ ⴷⵔⵓⵙ.
   *[other] { $count } ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵓⴼⴰⵏ ⵜⵉⵔⴰⵔⵉⵜ ⵜⵓⵏⵚⵉⴱⵜ: ⴰⵣⴳⵏ ⵏⵏⵙⵏ ⴳ { $median } ⵏⵖ ⴷⵔⵓⵙ, ⵜⵥⴰ ⵙⴳ ⵎⵔⴰⵡ ⴳ { $p90 } ⵏⵖ ⴷⵔⵓⵙ.
}
web-figures-none-answered = ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵓⵔ ⵢⵓⴼⵉ ⵜⵉⵔⴰⵔⵉⵜ ⵜⵓⵏⵚⵉⴱⵜ ⴰⵔ ⴷⵖⵉ.
web-figures-in-time = { $count ->
    [0] ⵜⵉⵔⴰⵔⵉⵏ ⴳ ⵓⵣⵎⵣ: ⵓⵍⴰ ⵢⴰⵜ ⵙⴳ { $due }.
    [1] ⵜⵉⵔⴰⵔⵉⵏ ⴳ ⵓⵣⵎⵣ: ⵢⴰⵜ ⵙⴳ { $due }.
   *[other] ⵜⵉⵔⴰⵔⵉⵏ ⴳ ⵓⵣⵎⵣ: { $count } ⵙⴳ { $due }.
}
web-figures-overdue = { $count ->
    [1] ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵉⵣⵔⵉ ⴰⵣⵎⵣ ⵏⵏⵙ ⴱⵍⴰ ⵜⵉⵔⴰⵔⵉⵜ.
   *[other] { $count } ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵣⵔⵉⵏ ⴰⵣⵎⵣ ⵏⵏⵙⵏ ⴱⵍⴰ ⵜⵉⵔⴰⵔⵉⵜ.
}
web-figures-overdue-at-least = { $count } ⵏⵖ ⵓⴳⴳⴰⵔ ⵏ ⵉⵎⵓⴽⵔⴰⴹ ⵣⵔⵉⵏ ⴰⵣⵎⵣ ⵏⵏⵙⵏ ⴱⵍⴰ ⵜⵉⵔⴰⵔⵉⵜ.
web-duration-hours = { $count ->
    [1] ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ
   *[other] { $count } ⵏ ⵜⵙⵔⴰⴳⵉⵏ
}
web-duration-days = { $count ->
    [1] ⵢⴰⵏ ⵡⴰⵙⵙ
   *[other] { $count } ⵏ ⵡⵓⵙⵙⴰⵏ
}
web-percent = { $value } %
web-chart-row = { $count ->
    [0] ⵓⵍⴰ ⵢⴰⵏ ⵙⴳ { $due } ⴳ ⵓⵣⵎⵣ ⵏ { $deadline }
    [1] ⵢⴰⵏ ⵙⴳ { $due } ⴳ ⵓⵣⵎⵣ ⵏ { $deadline }
   *[other] { $count } ⵙⴳ { $due } ⴳ ⵓⵣⵎⵣ ⵏ { $deadline }
}
web-chart-row-none-due = ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵓⵔ ⵉⵍⴽⵉⵎ ⴰⵣⵎⵣ ⵏⵏⵙ ⴰⵔ ⴷⵖⵉ (ⴰⵣⵎⵣ: { $deadline }).
web-petition-association-progress = ⵜⵓⵙⵏⵉⵜ ⵏ ⵜⵎⵙⵙⵓⴷⵙⵜ: ⵓⵔ ⵜⵃⵜⴰⵊ ⵜⵉⵙⵎⴰⵍ
web-petition-association-rule = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵓⵔ ⵜⵙⵎⵓⵜⵜⵓⵢ ⵜⵉⵙⵎⴰⵍ (ⴰⵣⵔⴼ ⴰⵏⴰⵎⵓⵔ 113-14): ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵍⵍⴰ ⵓⴳⴳⴰⵔ ⵏ ⴽⵕⴰⴹ ⵉⵙⴳⴳⵯⴰⵙⵏ, ⴰⴷ ⵜⵍⵍⴰ ⵙ ⵓⵣⵔⴼ, ⴰⴷ ⵖⵓⵔⵙ ⵢⵉⵍⵉ ⵓⵏⵙⴰ ⵏⵖ ⵜⴰⴳⵣⵣⵓⵎⵜ ⴳ ⵜⵊⵎⴰⵄⵜ, ⴷ ⵜⴰⵡⵓⵔⵉ ⵏⵏⵙ ⵜⵇⵇⵏ ⵙ ⵓⵙⵏⵜⵍ ⵏ ⵜⵓⵙⵏⵉⵜ; ⴰⵎⴰⴳⵍⵓ ⵏⵏⵙ ⵉⵙⵔⵙ ⵜⵜ ⵙ ⵉⵙⵔⴰⴳⵏ ⵏⵏⵙ (ⴰⵏⴰⴹ ⴰⵙⵍⵎⴰⴹ, ⴰⵡⵚⵍ ⴰⵏⴰⵎⵓⵔ, ⴰⵏⵙⴰ, ⵜⴰⴳⵜⵜⴰ ⵏ ⵓⴱⵉⵕⵓ, ⴰⵙⵎⵓⵜⵜⵉ).
web-petition-step-ready-association = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⵜⵙⵎⵓⵜⵜⵓⵢ ⵉⵙⵔⴰⴳⵏ ⵏⵏⵙ (ⴰⵏⴰⴹ ⴰⵙⵍⵎⴰⴹ, ⴰⵡⵚⵍ ⴰⵏⴰⵎⵓⵔ, ⴰⵏⵙⴰ, ⵜⴰⴳⵜⵜⴰ ⵏ ⵓⴱⵉⵕⵓ, ⴰⵙⵎⵓⵜⵜⵉ); ⴰⵎⴰⴳⵍⵓ ⵏⵏⵙ ⵉⵙⵔⵙ ⵜⵓⵙⵏⵉⵜ ⴷⴰⵔ ⵓⵏⵎⵖⵓⵔ ⵏ ⵓⵙⵇⵇⵉⵎ.
## issue 16: what the official does, and the official's desk
status-planned-for = ⵉⵜⵜⵓⵙⵖⵉⵡⵙ ⵉ { $date }
status-not-responsible-to = ⴱⵕⵕⴰ ⵏ ⵜⵣⵎⵔⴰ ⵏ ⵜⵊⵎⴰⵄⵜ: ⵉⵍⵍⴰ ⵖⵔ { $body }
status-duplicate-of = ⵉⵜⵜⵓⵙⵏⵖⵍ ⵏ ⵓⵎⵓⴽⵔⴰⴹ ⵓⵟⵟⵓⵏ { $id }
detail-official-support = ⴰⵎⵓⴽⵔⴰⴹ ⵓⵟⵟⵓⵏ { $id } ⵉⵍⵍⴰ ⵖⵔ ⵜⵏⴱⴰⴹⵜ ⵏⵏⴽ: ⴽⵢⵢ ⴰⴷ ⵉⵜⵜⴰⵔⵓⵏ ⵅⴼⵙ, ⴰⵙⵏⴷ ⵉ ⵉⵎⵣⴷⴰⵖ.
mail-issue-answered-with-status-subject = ⵜⴰⵔⵔⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ: { $title } ({ $status })
mail-issue-answered-with-status-body =
    { $official } ({ $official_title }) ⵢⴰⵔⵓ ⵙ ⵓⴳⴷⵓⴷ ⵅⴼ ⵓⵎⵓⴽⵔⴰⴹ « { $title } »:

    { $excerpt }

    ⴰⵎⵓⴽⵔⴰⴹ ⵉⴳⴰ ⵖⵉⵍⴰ: { $status }.

    { $note }

    ⵖⵔ ⵜⴰⵔⵔⴰⵢⵜ ⵜⴹⴼⵕⴷ ⴰⵢⵏⵏⴰ ⴷ ⵉⴷⴷⴰⵏ:

    { $url }
web-answer-status-invalid = ⵙⵜⵉ ⵢⴰⵜ ⵜⵖⵓⵔⵉ ⵣⴳ ⵜⵍⴳⴰⵎⵜ.
web-desk-planned = ⵉⵜⵜⵓⵙⵖⵉⵡⵙⵏ
web-desk-all = ⴰⴽⴽ ⵉⵎⵓⴽⵔⴰⴹ ⵉⵍⴷⵉⵏ
web-desk-groups = ⵜⵉⵍⴳⴰⵎⵉⵏ ⵏ ⵜⵡⵓⵔⵉ
web-desk-filters = ⵙⵙⵍⴼⵙⵜ ⴷ ⵙⵎⵢⴰⵡⵙ
web-desk-category = ⵜⴰⵙⴳⴰⵍⵜ
web-desk-arrondissement = ⵜⴰⴳⵎⵎⵓⴹⵜ
web-desk-any-category = ⴰⴽⴽ ⵜⵉⵙⴳⴰⵍⵉⵏ
web-desk-any-arrondissement = ⴰⴽⴽ ⵜⵉⴳⵎⵎⵓⴹⵉⵏ
web-desk-sort = ⴰⵙⵎⵢⴰⵡⴰⵙ
web-desk-sort-oldest = ⵉⵇⴱⵓⵔⵏ ⵣⵡⴰⵔⵏ
web-desk-sort-newest = ⵉⵎⴰⵢⵏⵓⵜⵏ ⵣⵡⴰⵔⵏ
web-desk-sort-supported = ⵡⵉⵏ ⵢⵓⴳⵔⵏ ⴰⵙⵏⴷ ⵣⵡⴰⵔⵏ
web-desk-sort-due = ⴰⴽⵓⴷ ⴰⵏⵎⵍⴰⵍ ⵉⵣⵡⴰⵔ
web-desk-show = ⵙⵎⵍ
web-desk-next = ⵜⴰⵙⵏⴰ ⵜⴰⴹⴼⴰⵕⵜ
web-desk-first = ⴰⵖⵓⵍ ⵖⵔ ⵜⵙⵏⴰ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ
web-desk-none = ⵓⵍⴰ ⴰⵎⵓⴽⵔⴰⴹ ⵉⵍⴷⵉⵏ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵜⵉⵡⵜⵉⵍⵉⵏ ⴰ.
web-desk-issues = ⵉⵎⵓⴽⵔⴰⴹ
web-desk-age = { $count ->
    [0] ⵉⵜⵜⵓⵎⵎⴰⵍ ⴰⵙⵙⴰ
    [one] ⵉⵜⵜⵓⵎⵎⴰⵍ ⴰⵙⵏⵏⴰⵟ
   *[other] ⵉⵜⵜⵓⵎⵎⴰⵍ ⵀⴰ { $count } ⵡⵓⵙⵙⴰⵏ
}
web-desk-due-in = { $count ->
    [0] ⴰⵔⵓⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵙⴰ
    [one] ⴰⵔⵓⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⴽⴽⴰ
   *[other] ⴰⵔⵓⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴷⵉ { $count } ⵡⵓⵙⵙⴰⵏ
}
## issue 16: accounts (sign-up, confirmation, changing one's password, address and name)
web-verify-resend = ⴰⵣⵏ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ ⴰⵙⵖⵏ ⵏ ⵓⵙⵙⵏⵜⵎ
web-verify-resent = ⵎⴽ ⵉⵇⵇⵍ ⵓⵏⵙⴰ ⴰⴷ ⴰⵙⵙⵏⵜⵎ ⵏⵏⵙ, ⵢⵓⵣⵏ ⵖⵓⵔⵙ ⵢⴰⵏ ⵓⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ. ⵉⵖⵓⴷⴰ ⵉ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ.
web-verify-link-used = ⴰⵙⵖⵏ ⴰⴷ ⵓⵔ ⵉⵖⵓⴷⴰ ⵙ: ⵉⵜⵜⵓⵙⵎⵔⵙ ⵏⵖ ⵉⴽⵎⵎⵍ ⵓⵣⵎⵣ ⵏⵏⵙ. ⵎⴽ ⵉⵜⵜⵓⵙⵙⵏⵜⵎ ⵓⵏⵙⴰ ⵏⵏⴽ, ⴽⵛⵎ; ⵎⴽ ⵓⵀⵓ, ⵙⵜⵉ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ.
web-verify-done = ⵉⵜⵜⵓⵙⵙⵏⵜⵎ ⵓⵏⵙⴰ ⵏⵏⴽ ⴷ ⵜⴽⵛⵎⴷ. ⵜⵣⵎⵔⴷ ⴷⵖⵉ ⴰⴷ ⵜⵎⵎⴰⵍⴷ, ⴰⴷ ⵜⵔⴰⵔⴷ, ⴰⴷ ⵜⵙⵙⵏⵜⵍⴷ ⴷ ⴰⴷ ⵜⴹⴼⵕⴷ.
web-reset-link-used = ⴰⵙⵖⵏ ⴰⴷ ⵓⵔ ⵉⵖⵓⴷⴰ ⵙ: ⵉⵜⵜⵓⵙⵎⵔⵙ ⵏⵖ ⵉⴽⵎⵎⵍ ⵓⵣⵎⵣ ⵏⵏⵙ. ⵙⵜⵉ ⵢⴰⵏ ⴰⵎⴰⵢⵏⵓ.
web-report-unconfirmed = ⵓⵏⵙⴰ ⵏⵏⴽ ⵓⵔ ⵜⵜⵓⵙⵙⵏⵜⵎ ⴰⵔ ⴷⵖⵉ: ⵕⵥⵎ ⴰⵙⵖⵏ ⵏⵏⴰ ⴷ ⵉⵍⴽⵎⵏ ⵙ ⵜⵏⴰⵎⴰⵍⵜ ⴷⴰⵜ ⴰⴷ ⵜⴰⵣⵏⴷ ⴰⵎⵎⴰⵍ ⴰⴷ. ⴰⵢⵏⵏⴰ ⵜⵜⴰⵔⴰⴷ ⴷⵉⴷ ⵉⵜⵜⵓⵃⴹⴰ.
web-me-unconfirmed = ⵓⵏⵙⴰ ⵏⵏⴽ ⵓⵔ ⵜⵜⵓⵙⵙⵏⵜⵎ ⴰⵔ ⴷⵖⵉ: ⵕⵥⵎ ⴰⵙⵖⵏ ⵏⵏⴰ ⴷ ⵉⵍⴽⵎⵏ ⵙ ⵜⵏⴰⵎⴰⵍⵜ ⴰⴷ ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵎⵎⴰⵍⴷ, ⴰⴷ ⵜⵔⴰⵔⴷ, ⴰⴷ ⵜⵙⵙⵏⵜⵍⴷ ⴷ ⴰⴷ ⵜⴹⴼⵕⴷ.
mail-account-password-changed-by-owner-subject = ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-password-changed-by-owner-body =
    ⴰⵣⵓⵍ { $name },

    ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ ⵙⴳ ⵜⴰⵙⵏⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ. ⵜⵜⵓⵇⵇⵏⵏ ⵉⵎⵙⵉⵍⵏ ⵏⵏⴽ ⵢⴰⴹⵏ (ⵉⵎⵙⵉⴳⴳⵍⵏ ⴷ ⵉⵙⵏⴼⴰⵔⵏ ⵢⴰⴹⵏ).

    ⵎⴰ ⵓⵔ ⴷ ⴽⵢⵢ, ⵙⵓⵜⵔ ⵖⵉⵍⴰ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵙⴳ ⵜⴰⵙⵏⴰ ⵏ ⵓⴽⵛⵛⵓⵎ ⵜⵙⵙⵓⴷⵏⵜ ⴰⵖ.
mail-account-email-change-confirm-subject = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴰⵎⴰⵢⵏⵓ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-email-change-confirm-body =
    ⴰⵣⵓⵍ { $name },

    ⵜⵙⵜⵉⴷ ⴰⴷ ⵉⵙⵎⵔⵙ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ ⴰⵏⵙⴰ ⴰⴷ. ⴰⴷ ⵜ ⵜⵙⵙⵏⵜⵎⴷ, ⵕⵥⵎ ⴰⵙⵖⵏ ⴰⴷ ⴳ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ (ⵉⵜⵜⵡⴰⵙⵎⵔⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ):

    { $url }

    ⴰⵔ ⴷ ⵉⵜⵜⵓⵕⵥⵎ ⵓⵙⵖⵏ ⴰⴷ, ⵉⵇⵇⵉⵎ ⵓⵏⵙⴰ ⵏⵏⴽ ⴰⵇⴷⵉⵎ ⴷ ⴰⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ. ⵎⴽ ⵓⵔ ⵜⵙⵜⵉⴷ ⴰⵡⴷ ⵢⴰⵜ, ⵙⵙⵉⴼⵍ ⵜⴰⵏⴰⵎⴰⵍⵜ ⴰⴷ.
mail-account-email-change-notice-subject = ⵜⵜⵓⵙⵜⴰ ⵜⵎⵙⵏⴼⵍⵜ ⵏ ⵓⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ
mail-account-email-change-notice-body =
    ⴰⵣⵓⵍ { $name },

    ⵢⴰⵏ ⵢⵓⴽⵛⵎⵏ ⵖⵔ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⴰⵡⴰⵚⵍ ⵉⵙⵜⴰ ⴰⴷ ⵉⵙⵎⵔⵙ ⴰⵏⵙⴰ { $email }. ⵜⴰⵎⵙⵏⴼⵍⵜ ⵓⵔ ⵜⵜⵉⵍⵉ ⴰⵔ ⴷ ⵉⵜⵜⵓⵕⵥⵎ ⵓⵙⵖⵏ ⵏⵏⴰ ⵢⵓⵣⵏⵏ ⵖⵔ ⵓⵏⵙⴰ ⴰⵏⵏ.

    ⵎⴰ ⵓⵔ ⴷ ⴽⵢⵢ, ⴽⵛⵎ, ⵙⵏⴼⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ (ⴰⴷ ⵇⵇⵏⵏ ⵉⵎⵙⵉⵍⵏ ⵏⵏⴽ ⵢⴰⴹⵏ) ⵜⵙⵙⵓⴷⵏⵜ ⴰⵖ.
web-account-settings = ⵉⵙⵎ ⵉⵏⵓ, ⴰⵏⵙⴰ ⵉⵏⵓ, ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ
web-change-name = ⵙⵏⴼⵍ ⵉⵙⵎ ⵉⵏⵓ ⵉⵜⵜⵓⵙⴽⴰⵏⵏ
web-change-email = ⵙⵏⴼⵍ ⴰⵏⵙⴰ ⵉⵏⵓ ⵏ ⵜⵏⴰⵎⴰⵍⵜ
web-change-password = ⵙⵏⴼⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ
web-email-new = ⴰⵏⵙⴰ ⴰⵎⴰⵢⵏⵓ ⵏ ⵜⵏⴰⵎⴰⵍⵜ
web-password-current = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏ ⵖⵉⵍⴰ
web-name-hint = ⵉⵜⵜⵓⵙⴽⴰⵏ ⵉ ⵎⴰⵕⵕⴰ: ⵓⵔ ⵜⴰⵔⴰ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ, ⴰⵏⵙⴰ ⵏ ⵜⵏⴰⵎⴰⵍⵜ ⵏⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ.
web-email-change-hint = ⵢⴰⵏ ⵓⵙⵖⵏ ⵏ ⵓⵙⵙⵏⵜⵎ ⴰⴷ ⵢⴰⵣⵏ ⵖⵔ ⵓⵏⵙⴰ ⴰⵎⴰⵢⵏⵓ; ⵓⵔ ⵉⵜⵜⴰⵎⵥ ⴰⴷⵖⴰⵔ ⵏ ⵓⵇⴷⵉⵎ ⴰⵔ ⴷ ⵉⵜⵜⵓⵕⵥⵎ ⵓⵙⵖⵏ ⴰⴷ.
web-password-change-hint = ⴰⴷ ⵇⵇⵏⵏ ⵉⵎⵙⵉⵍⵏ ⵏⵏⴽ ⵢⴰⴹⵏ (ⵉⵎⵙⵉⴳⴳⵍⵏ ⴷ ⵉⵙⵏⴼⴰⵔⵏ ⵢⴰⴹⵏ).
web-email-change-sent = ⵢⵓⵣⵏ ⵢⴰⵏ ⵓⵙⵖⵏ ⵏ ⵓⵙⵙⵏⵜⵎ ⵖⵔ ⵓⵏⵙⴰ ⴰⵎⴰⵢⵏⵓ. ⵉⵇⵇⵉⵎ ⵓⵏⵙⴰ ⵏⵏⴽ ⵏ ⵖⵉⵍⴰ ⴷ ⴰⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⴰⵔ ⴷ ⵉⵜⵜⵓⵕⵥⵎ; ⵢⵓⵣⵏ ⵢⴰⵏ ⵓⵙⵍⵖⵓ ⵖⵔ ⵓⵏⵙⴰ ⵏⵏⴽ ⵏ ⵖⵉⵍⴰ.
web-password-changed = ⵜⵜⵓⴱⴷⴷⴰⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏⵏⴽ. ⵜⵜⵓⵇⵇⵏⵏ ⵉⵎⵙⵉⵍⵏ ⵏⵏⴽ ⵢⴰⴹⵏ ⴷ ⵢⵓⵣⵏ ⵓⵙⵍⵖⵓ ⵖⵓⵔⴽ ⵙ ⵜⵏⴰⵎⴰⵍⵜ.
web-name-changed = ⵉⵜⵜⵓⴱⴷⴷⴰⵍ ⵉⵙⵎ ⵏⵏⴽ ⵉⵜⵜⵓⵙⴽⴰⵏⵏ.
field-password-current = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⴼⵔⴰ ⵏ ⵖⵉⵍⴰ ⵓⵔ ⵜⵚⵃⵉ.
field-email-same = ⵡⴰ ⴷ ⴰⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵙ ⵜⵉⴷⵜ.
page-email-change-title = ⵙⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴰⵎⴰⵢⵏⵓ
page-email-change-button = ⵙⵎⵔⵙ ⴰⵏⵙⴰ ⴰⴷ
page-email-change-done = ⵉⵙⵎⵔⴰⵙ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴷⵖⵉ ⴰⵏⵙⴰ ⴰⴷ.
web-email-change-link-used = ⴰⵙⵖⵏ ⴰⴷ ⵓⵔ ⵉⵖⵓⴷⴰ ⵙ: ⵉⵜⵜⵓⵙⵎⵔⵙ, ⵉⴽⵎⵎⵍ ⵓⵣⵎⵣ ⵏⵏⵙ, ⵏⵖ ⵉⵜⵜⵓⵟⵟⴼ ⵓⵏⵙⴰ. ⵙⵜⵉ ⵜⴰⵎⵙⵏⴼⵍⵜ ⴷⴰⵖ ⵙⴳ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ.
