/**
 * The English messages, the API's default language. Every key here must be translated in messages.vi.ts and
 * messages.zh.ts (their type is `Catalog`, so a missing key does not compile). `{name}` is replaced by a value;
 * `{name:kind}` names a code in the reader's language (terms.ts). Each message says what was wrong and, where
 * that is not obvious, what to do next.
 */
export const en = {
  // The request as a whole
  'request.fieldProblem': '{field}: {problem}',
  'request.fieldProblems': '{field}: {problem} (and {more} more)',
  'request.invalidJson':
    'The body is not valid JSON: check its quotes, commas and brackets, and send it with Content-Type: application/json',
  'request.emptyJson': 'The body is empty but Content-Type says JSON: send a JSON object',
  'request.bodyTooLarge': 'The body is larger than this service accepts; send a smaller body',
  'request.unsupportedMediaType': 'Send the body as JSON with the header Content-Type: application/json',
  'request.badContentLength': 'The Content-Length header does not match the body; let your HTTP client set it',
  'request.malformedUrl':
    'The URL is not valid percent-encoding: encode special characters in the path (a space as %20)',
  'request.uriTooLong': 'A path segment is too long; check the path against the API documentation at /api/docs',
  'request.routeNotFound': 'No such endpoint: check the method and the path (the API documentation is at /api/docs)',
  'request.methodNotAllowed':
    'This endpoint does not take this method; the API documentation at /api/docs lists the methods',
  'request.rejected': 'The request was refused as malformed; check it against the API documentation at /api/docs',
  'request.unsupportedCharset':
    'Send JSON encoded as UTF-8: Content-Type: application/json, with no charset or charset=utf-8',
  'request.invalidUtf8': 'The body is not valid UTF-8: send JSON encoded as UTF-8',
  'request.headersTooLarge': 'The request headers are too large: send fewer or shorter headers (cookies included)',
  'request.malformedHttp': 'The request is not valid HTTP/1.1; let your HTTP client build it',
  'request.timeout': 'The request did not arrive in time; send it again',
  'auth.metricsToken':
    'GET /metrics on the API port needs Authorization: Bearer <METRICS_TOKEN>; or scrape the metrics port',
  'service.busy': 'The service is busy; retry shortly',
  internal: 'Internal error on our side; retry later, and if it persists, report it with the requestId',

  // One field: the problem after "<field>: "
  'field.problems': '{problems}',
  'field.bodyNotObject': 'must be a JSON object',
  'field.controlCharacters': 'must not contain control characters (such as NUL)',
  'field.tooDeep': 'must not be nested more than {max} levels deep',
  'field.controlCharacterInName': 'field names must not contain control characters',
  'field.loneSurrogate': 'must be valid Unicode text (it holds half of a surrogate pair, like \\ud800, on its own)',
  'field.loneSurrogateInName': 'field names must be valid Unicode text (one holds half of a surrogate pair on its own)',
  'field.unknown': 'is not a field of this request; remove it (check its spelling against /api/docs)',
  'field.unknownValue': 'is not a value this API accepts here',
  'field.notObject': 'must be a JSON object',
  'field.required': 'is required',
  'field.notString': 'must be a string',
  'field.notInteger': 'must be a whole number (a JSON number, not a string)',
  'field.notBoolean': 'must be true or false (a JSON boolean, not a string)',
  'field.notArray': 'must be a JSON array',
  'field.oneOf': 'must be one of {allowed}',
  'field.oneOrMoreOf': 'must be one or more of {allowed}',
  'field.tooManyItems': 'must have at most {max} items',
  'field.emptyArray': 'must have at least one item',
  'field.repeatedItems': 'must not list an item twice',
  'field.pattern': 'has the wrong format (it must match {pattern})',
  'field.max': 'must not be greater than {max}',
  'field.min': 'must not be less than {min}',
  'field.maxLength': 'must be at most {max} characters long',
  'field.minLength': 'must be at least {min} characters long',
  'field.invalid': 'is not valid ({rule})',
  'field.notEmpty': 'must not be empty',
  'field.visibleText': 'must contain a visible character',
  'field.containerNumber': 'must be an ISO 6346 container number with a valid check digit, like CSQU3054383',
  'field.hsCode': 'must be an 8-digit HS code, like 08109050',
  'field.customsDeclarationNumber': 'must be a 12-digit customs declaration number',
  'field.phone': 'must be an international phone number like +84912345678',
  'field.timestampNear':
    'must be an ISO 8601 timestamp with an offset, like 2026-11-27T08:00:00+07:00, within {days} days of now',
  'field.calendarDay': 'must be a calendar day written YYYY-MM-DD',
  'field.notBeforeFrom': 'must not be before from',
  'field.rangeTooLong': 'must be at most {max} days after from (both included)',
  'field.notTrailerPlate': 'is not a trailer plate (Vietnamese series R, Chinese ending in 挂)',
  'field.trailerNotVehicle': 'is a trailer plate, not a vehicle plate',
  'field.plate': '{problem} ({code})',
  'field.cursor': 'is not a cursor this API issued; pass back nextCursor exactly as you received it',
  'field.amendNothing': 'give at least one of expectedArrivalAt, vehicle, driver, cargo',
  'field.nationalityMismatch': 'is {given} but the plate is a {country} plate; make them agree',
  'field.documentVn': 'must be a 12-digit citizen ID (CCCD) or an 8-9 character passport number',
  'field.documentCn':
    'must be an 18-character resident ID with a valid check character, or an 8-9 character passport number',
  'field.uuid': 'must be an id like 3f2a9c1e-5b7d-4e8f-9a01-23456789abcd',
  'field.emptyTripGoods': 'must be 0 for an empty trip (tripKind empty carries no goods)',
  'field.handoverRequired': 'is required for a {kind} trip: give role delivering or receiving',
  'field.handoverNotForKind': 'is only for transshipment and tractor_swap trips',
  'field.linkRequired': "is required for the receiving vehicle: the delivering vehicle's declaration id",
  'field.linkNotForDelivering': 'must not be given for the delivering vehicle: the receiving one names it',
  'field.trailerForSwap': 'is required for a tractor swap: the trailer that changes tractor',
  'field.containersAndNumber': 'give containers or containerNumber, not both',
  'field.containerTwice': 'lists the same container twice',
  'field.linkUnknown':
    "names no declaration this vehicle can take over from: it must be the delivering vehicle's declaration of the same kind of trip, gate and direction, still open and not taken over by another vehicle",
  'field.linkTrailer': 'must be the trailer the delivering tractor brings ({trailer})',
  'field.exemptionUnknown': 'is not an exemption listed in the fee schedule in force (docs/fees.md lists them)',
  'field.plateOrQr': 'give exactly one of plate or qrToken',
  'field.paymentReference': 'is required to pass the fee step: give the e-receipt number of the fee payment',
  'field.taxCode': 'must be 10 or 13 digits',
  'field.companyName': 'must be 1-200 characters',
  'field.noSuchCompany': 'no such company; check the id (company:list shows them)',
  'field.username': 'must be 3-64 characters: letters, digits, ".", "_" or "-"',
  'field.passwordLength': 'must be {min}-{max} characters',
  'field.urlTooLong': 'must be at most {max} characters',
  'field.urlNotAbsolute': 'must be an absolute URL, like https://example.com/hooks',
  'field.urlHttps': 'must use https:',
  'field.urlHttpsOrHttp': 'must use https: or http:',
  'field.urlCredentials': 'must not contain credentials',
  'field.urlNoHost': 'must name a host',
  'field.urlLocalhost': 'must not point at localhost',
  'field.urlAddress': 'must not point at a {kind} address',

  // Plate numbers (the rule's code follows in brackets)
  'plate.notString': 'Plate number must be a string',
  'plate.tooLong': 'Plate number must be at most {max} characters',
  'plate.invisibleCharacter': 'Plate number contains an invisible character ({codePoint}); type it again by hand',
  'plate.empty': 'Plate number is empty',
  'plate.lookalike': 'Plate number contains a letter from a non-Latin script; type it with Latin letters',
  'plate.unknownVnProvince': "Unknown Vietnamese province code '{province}'",
  'plate.unknownCnProvince': "Unknown Chinese province character '{province}'",
  'plate.characterNotAllowed': 'Plate number contains a character that is not allowed',
  'plate.invalidFormat': 'Not a Vietnamese or Chinese plate number',

  // Credentials
  'auth.apiKeyMissing':
    'This endpoint takes a company API key (Authorization: Bearer <apiKey>; company keys start with bgk_) or a company portal sign-in (POST /api/v1/company/session)',
  'auth.apiKeyInvalid': 'The API key is not valid or has been revoked; ask the operator for a new key',
  'auth.officerTokenForCompanyEndpoint':
    'This endpoint takes a company API key (Authorization: Bearer bgk_…), not an officer access token; officer tokens are for the officer endpoints (/api/v1/gates/…, /api/v1/steps/…, /api/v1/stats/…)',
  'auth.companyKeyForOfficerEndpoint':
    'Company API keys cannot act as officers: this endpoint takes an officer access token from POST /api/v1/auth/login',
  'auth.tokenMissing':
    'This endpoint takes an officer access token: log in with POST /api/v1/auth/login and send Authorization: Bearer <accessToken>',
  'auth.tokenExpired': 'The token has expired; log in again with POST /api/v1/auth/login',
  'auth.tokenInvalid':
    'The token is not valid; log in with POST /api/v1/auth/login and send the accessToken it returns',
  'auth.officerInactive': 'The officer of this token is no longer active; ask an operator if this is a mistake',
  'auth.loginFailed': 'Username or password is incorrect',
  'auth.sessionMissing': 'Not signed in to the company portal: sign in with POST /api/v1/company/session',
  'auth.sessionExpired': 'Your sign-in has ended (signed out, unused for too long, or too old); sign in again',
  'auth.officerCrossSite':
    'This sign-in request came from another site and was refused; open the officer console directly and try again',
  'auth.csrf': 'This request could not be confirmed as coming from the company portal; reload the page and try again',
  'auth.companyAdminsOnly':
    'Only an administrator of the company may manage its people, API keys and webhooks; ask one of your administrators',
  'auth.apiKeyCannotManage':
    'An API key cannot manage people or API keys: an administrator does this signed in to the company portal',
  'companyUser.notFound': 'Your company has no user with this id',
  'companyUser.cannotDisableSelf': 'You cannot disable your own account; another administrator can',
  'apiKey.notFound': 'Your company has no API key with this prefix',
  'conflict.companyUsername': 'This username is taken; choose another',
  'auth.tooManyAttempts': 'Too many failed logins; try again in {seconds} s',
  'auth.busy': 'Too many sign-ins are being checked right now; try again in {seconds} s',
  'auth.notPosted': 'You are not posted at {gate}; an operator can add the gate to your account',
  'auth.agencyCannot': '{agency:agency} officers cannot {action}; this is for: {allowed:agency}',
  'auth.amendmentDecisionSupervisorsOnly': 'Only a supervisor of {gate} decides amendment requests',
  'auth.amendmentListSupervisorsOnly': 'Only a supervisor of {gate} sees amendment requests',
  'auth.queueBoardTokenMissing':
    'A supervisor access token is required: open /admin/queues/login?token=<access token> or send Authorization: Bearer <access token>',
  'auth.queueBoardSupervisorsOnly': 'Only supervisors may open the queue dashboard',
  'auth.queueBoardActionRefused': 'This action is not offered on the queue dashboard',
  'action.default': 'do this',
  'action.readStats': 'read gate statistics',
  'action.exportFees': 'export the fees collected',
  'action.closeOrOpenGate': 'close or open the gate',
  'action.manageOfficers': 'manage officers',
  'action.checkIn': 'check vehicles in',
  'action.letOut': 'let vehicles out',
  'action.checkInReturn': 'check returning vehicles in',
  'action.listReturns': 'see the vehicles away on a delivery',
  'action.seeQueue': 'see the {queue:agency} queue',
  'action.workQueue': 'work the {queue:agency} queue',

  // Idempotency
  'idempotency.keyMissing':
    'Idempotency-Key header is required: send a new unique key (such as a UUID) with each new request, and the same key when you retry it',
  'idempotency.keyEmpty': 'Idempotency-Key is empty: send 1-255 visible ASCII characters, or leave the header out',
  'idempotency.keyInvalid': 'Idempotency-Key must be 1-255 visible ASCII characters, such as a UUID',
  'idempotency.keyReused':
    'This Idempotency-Key was already used with a different request; use a new key for each new request',
  'idempotency.answerLost':
    'The request with this Idempotency-Key was carried out, but its answer was lost; read the resource to see the outcome',
  'idempotency.inFlight': 'A request with this Idempotency-Key is still being processed; retry shortly',

  // Declarations and amendments
  'declaration.notFound': 'No such declaration (a declaration of another company is not shown); check the id',
  'declaration.notAtGate': 'No such declaration at {gate:gate}; check the id and the gate',
  'declaration.qrNotAccepted': 'Only an accepted declaration has a check-in code (this one is {status:status})',
  'declaration.notAmendable': 'A declaration that is {status:status} cannot be amended; submit a new declaration',
  'declaration.notCancellable':
    'A declaration that is {status:status} cannot be cancelled; only a submitted or accepted one can',
  'declaration.illegalTransition': 'A declaration cannot move from {from:status} to {to:status}',
  'declaration.concurrentChange': 'The declaration changed meanwhile; reload and retry',
  'amendment.notFound':
    'No such amendment request; check the id (GET /api/v1/gates/<gate>/amendment-requests lists the pending ones)',
  'amendment.alreadyDecided': 'This request was already {decision:amendment}',
  'conflict.taxCode': 'A company with this tax code already exists',
  'conflict.watchlist': 'This entry is already on the watchlist',
  'conflict.activeVehicle':
    'The vehicle already has another live declaration; cancel it, or wait until it is finished, before declaring again',
  'conflict.amendmentPending':
    'An amendment request for this declaration is already waiting for a supervisor; wait for the decision',
  'conflict.username': 'An officer with this username already exists',
  'officer.notFound': 'No such officer; check the id (GET /api/v1/officers?gate=<gate> lists the officers of a gate)',
  'officer.outsideYourGates':
    '{username} is also posted at {gates:gate}; you manage only officers whose gates are all among yours ({yours:gate}): ask a supervisor of those gates or an operator',
  'officer.postingOutsideYourGates': 'You can post officers only at your own gates ({yours:gate}), not at {gates:gate}',
  'officer.cannotDisableSelf': 'You cannot disable your own account; ask another supervisor or an operator',
  'officer.cannotLeaveSupervision':
    'You cannot give up your own supervisor posting; ask another supervisor or an operator',

  // At the gate
  'checkin.noDeclaration': 'No declaration for this vehicle: it must be declared before it comes to the gate',
  'action.checkInAtRegulationYard': 'check vehicles in at a regulation yard',
  'action.seeRegulationYardLine': "see a regulation yard's line",
  'action.manageCallForward': 'change the call forward to the gate',
  'action.setYardCapacity': "change the gate yard's capacity",
  'yard.notFound': 'No such regulation yard: see GET /api/v1/regulation-yards for their codes',
  'yard.alreadyWaiting': 'This vehicle is already waiting at a regulation yard for its call',
  'yard.wrongGate': 'Regulation yard {yard} serves {gate:gate}; this vehicle is declared for {declared:gate}',
  'yard.closed': 'Regulation yard {yard} is closed; send the vehicle to another yard of the gate',
  'yard.full': 'Regulation yard {yard} is full; send the vehicle to another yard of the gate',
  'yard.cycleProblem': 'not a priority cycle: {problem}',
  'checkin.notCalled': 'This vehicle waits at regulation yard {yard} and has not been called to the gate yet',
  'checkin.goToRegulationYard':
    'This vehicle cannot come into the gate yard now; it waits at a regulation yard for its call ({yards})',
  'checkin.qrOutdated': 'The declaration changed after this QR code was issued; show the current one',
  'checkin.wrongGate': 'This vehicle is declared for {declared:gate}, not {gate:gate}',
  'checkin.alreadyArrived': 'This vehicle is already in the yard ({status:status})',
  'checkin.notAccepted': 'No accepted declaration: {reason}',
  'checkin.reason.submitted': 'the declaration is still being screened; try again in a moment',
  'checkin.reason.rejected': 'the declaration was rejected at screening',
  'checkin.reason.cancelled': 'the declaration was cancelled by the company',
  'checkin.reason.expired': 'the declaration expired: the truck did not arrive in time',
  'checkin.reason.exited':
    'the last declaration for this vehicle is finished (exited); a new trip needs a new declaration',
  'checkin.reason.other': 'the declaration is {status:status}',
  'checkin.qrInvalid': 'The QR code is not one this service issued, or it has expired; check the vehicle in by plate',
  'step.notFound': 'No such step',
  'step.notYours': 'Only the officer who claimed this step, or a supervisor of the gate, can decide it',
  'step.illegalDecision':
    'A step that is {status:step} cannot be decided "{decision}"; reload it to see where it stands',
  'step.changed': 'The step changed since you read it; reload it',
  'step.decidedByAnother': 'Another decision on this step came first; reload it',
  'fee.noSchedule': "No fee schedule was in force on this vehicle's arrival day; the fee cannot be charged",
  'exit.notInYard': 'This vehicle is not in the yard at {gate:gate}; check the plate and the gate',
  'exit.notCleared': 'The vehicle is not cleared: steps are outstanding ({agencies:agency})',
  'exit.handoverPending':
    'This vehicle takes over goods from declaration {reference}, which is not cleared yet; it cannot leave before the handover',
  'return.unknownVehicle': 'No declaration has ever named this vehicle; check the plate',
  'return.notAway': 'This vehicle is not away on a delivery: it has no return to check in',
  'gate.closed': '{gate:gate} is closed: no check-ins until it reopens',
  'gate.alreadyClosed': '{gate:gate} is already closed',
  'gate.alreadyOpen': '{gate:gate} is already open',

  // Lookup, webhooks, limits
  'vehicle.notFound': 'No declaration for this plate',
  'vehicle.ambiguousPlate': 'Several Chinese provinces have this plate; include the province character',
  'webhook.notFound': 'No such webhook (a webhook of another company is not shown); check the id',
  'webhook.limitReached': 'A company can have at most {max} active webhooks; delete one first',
  'webhook.deliveryNotFound': 'No such delivery for this webhook; GET /api/v1/webhooks/<id>/deliveries lists them',
  'webhook.notActive': 'The webhook is disabled; enable it before redelivering',
  'webhook.deliveryPending':
    'The delivery is still pending (being sent or waiting to retry); redeliver it once it is delivered or failed',
  'rateLimit.exceeded': 'Too many requests: at most {limit} a minute; try again in {seconds} s',
  'field.slotWholeHour': 'must be a whole hour, like 2026-11-27T08:00:00+07:00',
  'field.slotPast': 'must not be an hour that has already ended',
  'field.slotBeyondHorizon': 'must be within {days} days from now (how far ahead the gate takes bookings)',
  'field.arrivalOutsideSlot': 'must be the hour the expected arrival lies in; give one of them, or both in agreement',
  'field.periodOrder': 'must be later than startsAt',
  'slot.full':
    'The hour {slot} has no {direction:direction} capacity left at {gate:gate}; choose one of the nearest free hours',
  'slot.otherDay':
    'The hour must be on the arrival day ({day}, local time at the gate); to change the day, amend the expected arrival',
  'slot.notBookable': 'Only a submitted or accepted declaration can book an arrival hour; this one is {status:status}',
  'slot.none': 'The declaration has no booked arrival hour',
  'booking.suspended': 'Booking arrival hours is suspended for this vehicle or company until {until}: {reason}',
  'suspension.notFound': 'No such booking suspension; check the id',
  'suspension.alreadyEnded': 'This booking suspension has already ended or been lifted',
  'capacityException.notFound': 'No such capacity exception at {gate:gate}; check the id',
  'auth.slotsSupervisorsOnly':
    'Only a supervisor of {gate:gate} changes its arrival capacity, calendar and booking rules',
  'auth.suspensionLiftSupervisorsOnly': 'Only a supervisor of {gate:gate} lifts booking suspensions',
} as const;

export type MessageKey = keyof typeof en;

/** A translation: every English key, none missing. */
export type Catalog = Record<MessageKey, string>;
