// Generated from OBP-API ErrorMessages (texts are part of the wire contract: clients and tests compare them verbatim).
export const errorCatalogue = {
  'OBP-00002': { name: 'DataImportDisabled', status: 403, message: 'OBP-00002: Data import is disabled for this API instance.' },
  'OBP-00003': {
    name: 'TransactionDisabled',
    status: 400,
    message: 'OBP-00003: Transaction Requests is disabled in this API instance.',
  },
  'OBP-00004': { name: 'ServerAddDataError', status: 400, message: 'OBP-00004: Server error: could not add message' },
  'OBP-00005': {
    name: 'PublicViewsNotAllowedOnThisInstance',
    status: 400,
    message: 'OBP-00005: Public views not allowed on this instance. Please set allow_public_views = true in props files. ',
  },
  'OBP-00008': {
    name: 'ApiVersionNotSupported',
    status: 400,
    message:
      'OBP-00008: The API version you called is not enabled on this server. Please contact your API administrator or use another version.',
  },
  'OBP-00027': {
    name: 'InvalidApiVersionString',
    status: 400,
    message: 'OBP-00027: Invalid API Version string. We could not find the version specified.',
  },
  'OBP-01000': {
    name: 'requestTimeout',
    status: 400,
    message:
      'OBP-01000: Request Timeout. The OBP API decided to return a timeout. This is probably because a backend service did not respond in time. ',
  },
  'OBP-09001': {
    name: 'DynamicEntityNotFoundByDynamicEntityId',
    status: 404,
    message: 'OBP-09001: DynamicEntity not found. Please specify a valid value for DYNAMIC_ENTITY_ID.',
  },
  'OBP-09005': {
    name: 'EntityNotFoundByEntityId',
    status: 404,
    message: 'OBP-09005: Entity not found. Please specify a valid value for entityId.',
  },
  'OBP-09009': {
    name: 'DynamicEndpointNotFoundByDynamicEndpointId',
    status: 404,
    message: 'OBP-09009: DynamicEndpoint not found. Please specify a valid value for DYNAMIC_ENDPOINT_ID.',
  },
  'OBP-10001': { name: 'InvalidJsonFormat', status: 400, message: 'OBP-10001: Incorrect json format.' },
  'OBP-10002': { name: 'InvalidNumber', status: 400, message: 'OBP-10002: Invalid Number. Could not convert value to a number.' },
  'OBP-10003': {
    name: 'InvalidISOCurrencyCode',
    status: 400,
    message: 'OBP-10003: Invalid Currency Value. It should be three letters ISO Currency Code. ',
  },
  'OBP-10005': {
    name: 'InvalidDateFormat',
    status: 400,
    message: 'OBP-10005: Invalid Date Format. Could not convert value to a Date.',
  },
  'OBP-10006': { name: 'InvalidCurrency', status: 400, message: 'OBP-10006: Invalid Currency Value.' },
  'OBP-10007': { name: 'IncorrectRoleName', status: 400, message: 'OBP-10007: Incorrect Role name:' },
  'OBP-10012': { name: 'maximumLimitExceeded', status: 400, message: 'OBP-10012: Invalid value. Maximum number is 10000.' },
  'OBP-10015': { name: 'AllowedValuesAre', status: 400, message: 'OBP-10015: Allowed values are:' },
  'OBP-10017': { name: 'InvalidUrl', status: 400, message: 'OBP-10017: Incorrect URL Format. ' },
  'OBP-10018': { name: 'TooManyRequests', status: 429, message: 'OBP-10018: Too Many Requests.' },
  'OBP-10023': {
    name: 'FilterSortDirectionError',
    status: 400,
    message: 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!',
  },
  'OBP-10024': {
    name: 'FilterOffersetError',
    status: 400,
    message: 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
  },
  'OBP-10025': {
    name: 'FilterLimitError',
    status: 400,
    message: 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
  },
  'OBP-10026': {
    name: 'FilterDateFormatError',
    status: 400,
    message: "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
  },
  'OBP-10028': {
    name: 'FilterAnonFormatError',
    status: 400,
    message: 'OBP-10028: anon parameter can only take two values: TRUE or FALSE!',
  },
  'OBP-10035': { name: 'InvalidJsonValue', status: 400, message: 'OBP-10035: Incorrect json value.' },
  'OBP-10041': {
    name: 'InvalidLocale',
    status: 400,
    message: 'OBP-10041: This locale is not supported. Only the following can be used: en_GB , es_ES.',
  },
  'OBP-10404': {
    name: 'InvalidUri',
    status: 404,
    message:
      'OBP-10404: 404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. Note: When you are making a POST or PUT request, the Content-Type header MUST be `application/json`. Note: OBP only supports JSON formatted bodies.',
  },
  'OBP-10405': { name: 'ResourceDoesNotExist', status: 404, message: 'OBP-10405: Resource does not exist.' },
  'OBP-20001': { name: 'UserNotLoggedIn', status: 401, message: 'OBP-20001: User not logged in. Authentication is required!' },
  'OBP-20002': {
    name: 'DirectLoginMissingParameters',
    status: 400,
    message: 'OBP-20002: These DirectLogin parameters are missing:',
  },
  'OBP-20003': {
    name: 'DirectLoginInvalidToken',
    status: 401,
    message: 'OBP-20003: This DirectLogin token is invalid or expired:',
  },
  'OBP-20004': {
    name: 'InvalidLoginCredentials',
    status: 401,
    message: 'OBP-20004: Invalid login credentials. Check username/password.',
  },
  'OBP-20005': {
    name: 'UserNotFoundById',
    status: 404,
    message: 'OBP-20005: User not found. Please specify a valid value for USER_ID.',
  },
  'OBP-20006': { name: 'UserHasMissingRoles', status: 403, message: 'OBP-20006: User is missing one or more roles: ' },
  'OBP-20007': { name: 'UserNotFoundByEmail', status: 400, message: 'OBP-20007: User not found by email.' },
  'OBP-20008': { name: 'InvalidConsumerKey', status: 401, message: 'OBP-20008: Invalid Consumer Key.' },
  'OBP-20009': { name: 'InvalidConsumerCredentials', status: 400, message: 'OBP-20009: Invalid consumer credentials' },
  'OBP-20010': { name: 'InvalidValueLength', status: 400, message: 'OBP-20010: Value too long' },
  'OBP-20011': { name: 'InvalidValueCharacters', status: 400, message: 'OBP-20011: Value contains invalid characters' },
  'OBP-20012': { name: 'InvalidDirectLoginParameters', status: 400, message: 'OBP-20012: Invalid direct login parameters' },
  'OBP-20013': {
    name: 'UsernameHasBeenLocked',
    status: 401,
    message: 'OBP-20013: The account has been locked, please contact an administrator!',
  },
  'OBP-20014': {
    name: 'InvalidConsumerId',
    status: 400,
    message: 'OBP-20014: Invalid Consumer ID. Please specify a valid value for CONSUMER_ID.',
  },
  'OBP-20015': {
    name: 'UserNoPermissionUpdateConsumer',
    status: 400,
    message:
      'OBP-20015: Only the developer that created the consumer key should be able to edit it, please login with the right user.',
  },
  'OBP-20017': {
    name: 'UserNoPermissionAccessView',
    status: 403,
    message: 'OBP-20017: Current user does not have access to the view. Please specify a valid value for VIEW_ID.',
  },
  'OBP-20019': { name: 'UserNoOwnerView', status: 400, message: 'OBP-20019: User does not have access to owner view. ' },
  'OBP-20020': {
    name: 'InvalidCustomViewFormat',
    status: 400,
    message: 'OBP-20020: Custom view name/view_id must start with `_`. eg: _work, _life. ',
  },
  'OBP-20021': {
    name: 'SystemViewsCanNotBeModified',
    status: 400,
    message: 'OBP-20021: System Views can not be modified. Only the created views can be modified.',
  },
  'OBP-20022': { name: 'ViewDoesNotPermitAccess', status: 400, message: 'OBP-20022: View does not permit the access.' },
  'OBP-20023': { name: 'ConsumerHasMissingRoles', status: 403, message: 'OBP-20023: Consumer is missing one or more roles:' },
  'OBP-20027': {
    name: 'UserNotFoundByProviderAndUsername',
    status: 404,
    message: 'OBP-20027: User not found by provider and username.',
  },
  'OBP-20028': {
    name: 'GatewayLoginMissingParameters',
    status: 400,
    message: 'OBP-20028: These GatewayLogin parameters are missing:',
  },
  'OBP-20030': {
    name: 'GatewayLoginHostPropertyMissing',
    status: 400,
    message: 'OBP-20030: Property gateway.host is not defined.',
  },
  'OBP-20031': {
    name: 'GatewayLoginWhiteListAddresses',
    status: 400,
    message: 'OBP-20031: Gateway login can be done only from allowed addresses.',
  },
  'OBP-20047': {
    name: 'UserLacksPermissionCanGrantAccessToViewForTargetAccount',
    status: 403,
    message:
      'OBP-20047: If target viewId is system view,  the current view.can_grant_access_to_views does not contains it. Orif target viewId is custom view, the current view.can_grant_access_to_custom_views is false.',
  },
  'OBP-20048': {
    name: 'UserLacksPermissionCanRevokeAccessToViewForTargetAccount',
    status: 403,
    message:
      'OBP-20048: If target viewId is system view,  the current view.can_revoke_access_to_views does not contains it. Orif target viewId is custom view, the current view.can_revoke_access_to_custom_views is false.',
  },
  'OBP-20050': { name: 'UserNotSuperAdmin', status: 400, message: 'OBP-20050: Current User is not a Super Admin!' },
  'OBP-20056': {
    name: 'ElasticSearchDisabled',
    status: 400,
    message: 'OBP-20056: Elasticsearch is disabled for this API instance.',
  },
  'OBP-20057': { name: 'UserNotFoundByUserId', status: 400, message: 'OBP-20057: User not found by userId.' },
  'OBP-20064': { name: 'UserIsDeleted', status: 400, message: 'OBP-20064: The user is deleted!' },
  'OBP-20080': {
    name: 'InvalidAuthorizationHeader',
    status: 400,
    message: 'OBP-20080: Authorization Header format is not supported at this instance.',
  },
  'OBP-20082': {
    name: 'MissingDirectLoginHeader',
    status: 400,
    message: 'OBP-20082: Missing DirectLogin or Authorization header.',
  },
  'OBP-20083': {
    name: 'InvalidDirectLoginHeader',
    status: 400,
    message: 'OBP-20083: Missing DirectLogin word at the value of Authorization header.',
  },
  'OBP-20101': {
    name: 'UserNotSuperAdminOrMissRole',
    status: 403,
    message: 'OBP-20101: Current User is not super admin or is missing entitlements:',
  },
  'OBP-20104': {
    name: 'UserNotFoundByProviderAndProvideId',
    status: 400,
    message: 'OBP-20104: User not found by PROVIDER and PROVIDER_ID.',
  },
  'OBP-20200': { name: 'ApplicationNotIdentified', status: 401, message: 'OBP-20200: The application cannot be identified. ' },
  'OBP-20400': {
    name: 'CouldNotExchangeAuthorizationCodeForTokens',
    status: 401,
    message: 'OBP-20400: Could not exchange authorization code for tokens.',
  },
  'OBP-20401': {
    name: 'CouldNotSaveOpenIDConnectUser',
    status: 401,
    message: 'OBP-20401: Could not get/save OpenID Connect user.',
  },
  'OBP-20403': { name: 'InvalidOpenIDConnectState', status: 401, message: 'OBP-20403: Invalid OpenIDConnect state parameter.' },
  'OBP-20404': {
    name: 'CouldNotHandleOpenIDConnectData',
    status: 401,
    message: 'OBP-20404: Could not handle OpenID Connect data.',
  },
  'OBP-20405': { name: 'CouldNotValidateIDToken', status: 401, message: 'OBP-20405: ID token could note be validated.' },
  'OBP-30001': {
    name: 'BankNotFound',
    status: 404,
    message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
  },
  'OBP-30002': {
    name: 'CustomerNotFound',
    status: 404,
    message: 'OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.',
  },
  'OBP-30003': {
    name: 'AccountNotFound',
    status: 404,
    message: 'OBP-30003: Account not found. Please specify a valid value for ACCOUNT_ID.',
  },
  'OBP-30005': {
    name: 'ViewNotFound',
    status: 400,
    message: 'OBP-30005: View not found for Account. Please specify a valid value for VIEW_ID',
  },
  'OBP-30006': {
    name: 'CustomerNumberAlreadyExists',
    status: 400,
    message: 'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
  },
  'OBP-30007': {
    name: 'CustomerAlreadyExistsForUser',
    status: 400,
    message: 'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
  },
  'OBP-30008': {
    name: 'UserCustomerLinksNotFoundForUser',
    status: 400,
    message: 'OBP-30008: User Customer Link not found by USER_ID',
  },
  'OBP-30009': {
    name: 'AtmNotFoundByAtmId',
    status: 400,
    message: 'OBP-30009: ATM not found. Please specify a valid value for ATM_ID.',
  },
  'OBP-30011': {
    name: 'ProductNotFoundByProductCode',
    status: 400,
    message: 'OBP-30011: Product not found. Please specify a valid value for PRODUCT_CODE.',
  },
  'OBP-30012': {
    name: 'CounterpartyNotFoundByIban',
    status: 404,
    message: 'OBP-30012: Counterparty not found. Please specify a valid value for IBAN.',
  },
  'OBP-30013': {
    name: 'CounterpartyBeneficiaryPermit',
    status: 400,
    message:
      "OBP-30013: The account can not send money to the Counterparty. Please set the Counterparty 'isBeneficiary' true first",
  },
  'OBP-30014': {
    name: 'CounterpartyAlreadyExists',
    status: 400,
    message:
      'OBP-30014: Counterparty already exists. Please specify a different value for BANK_ID or ACCOUNT_ID or VIEW_ID or NAME.',
  },
  'OBP-30017': {
    name: 'CounterpartyNotFoundByCounterpartyId',
    status: 400,
    message: 'OBP-30017: Counterparty not found. Please specify a valid value for COUNTERPARTY_ID.',
  },
  'OBP-30018': {
    name: 'BankAccountNotFound',
    status: 404,
    message: 'OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID. ',
  },
  'OBP-30019': {
    name: 'ConsumerNotFoundByConsumerId',
    status: 404,
    message: 'OBP-30019: Consumer not found. Please specify a valid value for CONSUMER_ID.',
  },
  'OBP-30022': { name: 'NoViewPermission', status: 400, message: 'OBP-30022: The current view does not have the permission:' },
  'OBP-30024': { name: 'CreateConsumerError', status: 400, message: 'OBP-30024: Could not create Consumer ' },
  'OBP-30025': { name: 'CreateUserCustomerLinksError', status: 400, message: 'OBP-30025: Could not create user_customer_links ' },
  'OBP-30046': {
    name: 'CustomerNotFoundByCustomerId',
    status: 404,
    message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.',
  },
  'OBP-30060': {
    name: 'CardAlreadyExists',
    status: 400,
    message: 'OBP-30060: Card already exists. Please specify different values for bankId, card_number and issueNumber.',
  },
  'OBP-30066': { name: 'CannotGetAccounts', status: 400, message: 'OBP-30066: Could not get accounts.' },
  'OBP-30067': {
    name: 'TransactionNotFound',
    status: 400,
    message: 'OBP-30067: Transaction not found. Please specify a valid value for TRANSACTION_ID.',
  },
  'OBP-30073': {
    name: 'BankAccountNotFoundByAccountRouting',
    status: 404,
    message: 'OBP-30073: Bank Account not found. Please specify valid values for account routing scheme and address.',
  },
  'OBP-30074': {
    name: 'BankAccountNotFoundByIban',
    status: 404,
    message: 'OBP-30074: Bank Account not found. Please specify a valid value for iban.',
  },
  'OBP-30075': {
    name: 'AccountRoutingNotFound',
    status: 404,
    message: 'OBP-30075: Account routing not found, Please specify valid values for account routing scheme and address',
  },
  'OBP-30076': {
    name: 'BankAccountNotFoundByAccountId',
    status: 404,
    message: 'OBP-30076: Bank Account not found. Please specify a valid value for ACCOUNT_ID.',
  },
  'OBP-30087': { name: 'DoubleEntryTransactionNotFound', status: 404, message: 'OBP-30087: Double Entry Transaction not found.' },
  'OBP-30102': {
    name: 'MeetingApiKeyNotConfigured',
    status: 403,
    message: 'OBP-30102: Meeting provider API Key is not configured.',
  },
  'OBP-30103': {
    name: 'MeetingApiSecretNotConfigured',
    status: 403,
    message: 'OBP-30103: Meeting provider Secret is not configured.',
  },
  'OBP-30105': { name: 'InvalidAccountBalanceCurrency', status: 400, message: 'OBP-30105: Invalid Balance Currency.' },
  'OBP-30106': { name: 'InvalidAccountBalanceAmount', status: 400, message: 'OBP-30106: Invalid Balance Amount.' },
  'OBP-30107': { name: 'InvalidUserId', status: 400, message: 'OBP-30107: Invalid User Id.' },
  'OBP-30108': { name: 'InvalidAccountType', status: 400, message: 'OBP-30108: Invalid Account Type.' },
  'OBP-30109': {
    name: 'InitialBalanceMustBeZero',
    status: 400,
    message: 'OBP-30109: Initial Balance of Account must be Zero (0).',
  },
  'OBP-30110': {
    name: 'InvalidAccountIdFormat',
    status: 400,
    message:
      "OBP-30110: Invalid Account Id. The ACCOUNT_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
  },
  'OBP-30111': {
    name: 'InvalidBankIdFormat',
    status: 400,
    message:
      "OBP-30111: Invalid Bank Id. The BANK_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
  },
  'OBP-30112': {
    name: 'InvalidAccountInitialBalance',
    status: 400,
    message: 'OBP-30112: Invalid Number. Initial balance must be a number, e.g 1000.00',
  },
  'OBP-30205': {
    name: 'EntitlementIsBankRole',
    status: 400,
    message: 'OBP-30205: This entitlement is a Bank Role. Please set bank_id to a valid bank id.',
  },
  'OBP-30206': {
    name: 'EntitlementIsSystemRole',
    status: 400,
    message: 'OBP-30206: This entitlement is a System Role. Please set bank_id to empty string.',
  },
  'OBP-30207': {
    name: 'InvalidStrongPasswordFormat',
    status: 400,
    message:
      'OBP-30207: Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.',
  },
  'OBP-30208': { name: 'AccountIdAlreadyExists', status: 400, message: 'OBP-30208: Account_ID already exists at the Bank.' },
  'OBP-30209': {
    name: 'InsufficientAuthorisationToCreateBranch',
    status: 400,
    message: 'OBP-30209: Insufficient authorisation to Create Branch. You do not have the role CanCreateBranch.',
  },
  'OBP-30212': { name: 'EntitlementNotFound', status: 404, message: 'OBP-30212: EntitlementId not found' },
  'OBP-30213': {
    name: 'UserDoesNotHaveEntitlement',
    status: 400,
    message: 'OBP-30213: USER_ID does not have the ENTITLEMENT_ID.',
  },
  'OBP-30216': { name: 'EntitlementAlreadyExists', status: 400, message: 'OBP-30216: Entitlement already exists for the user.' },
  'OBP-30219': { name: 'EntitlementCannotBeDeleted', status: 404, message: 'OBP-30219: EntitlementId cannot be deleted.' },
  'OBP-30259': { name: 'CreateCustomViewError', status: 400, message: 'OBP-30259: Could not create the custom view' },
  'OBP-30266': { name: 'CustomViewAlreadyExistsError', status: 400, message: 'OBP-30266: The custom view is already exists.' },
  'OBP-35005': { name: 'ConsentStatusIssue', status: 401, message: 'OBP-35005: Consent-Id is not in status ' },
  'OBP-35007': { name: 'ConsentDisabled', status: 401, message: 'OBP-35007: Consents are not allowed at this instance. ' },
  'OBP-35030': {
    name: 'ConsumerKeyIsInvalid',
    status: 400,
    message: 'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
  },
  'OBP-35031': { name: 'ConsumerKeyIsToLong', status: 400, message: 'OBP-35031: The Consumer Key max length <= 512' },
  'OBP-40001': {
    name: 'InvalidTransactionRequestType',
    status: 400,
    message: 'OBP-40001: Invalid value for TRANSACTION_REQUEST_TYPE',
  },
  'OBP-40002': {
    name: 'InsufficientAuthorisationToCreateTransactionRequest',
    status: 400,
    message:
      "OBP-40002: Insufficient authorisation to create TransactionRequest. The Transaction Request could not be created because the login user doesn't have access to the view of the from account or the consumer doesn't have the access to the view of the from account or the login user does not have the `CanCreateAnyTransactionRequest` role or the view does not have the permission can_add_transaction_request_to_any_account or the view does not have the permission can_add_transaction_request_to_beneficiary.",
  },
  'OBP-40003': {
    name: 'InvalidTransactionRequestCurrency',
    status: 400,
    message: 'OBP-40003: Transaction Request Currency must be the same as From Account Currency.',
  },
  'OBP-40004': { name: 'InvalidTransactionRequestId', status: 400, message: 'OBP-40004: Transaction Request Id not found.' },
  'OBP-40005': {
    name: 'InsufficientAuthorisationToCreateTransactionType',
    status: 400,
    message:
      "OBP-40005: Insufficient authorisation to Create Transaction Type offered by the bank. The Request could not be created because you don't have access to CanCreateTransactionType.",
  },
  'OBP-40006': {
    name: 'CreateTransactionTypeInsertError',
    status: 400,
    message: 'OBP-40006: Could not insert Transaction Type: Non unique BANK_ID / SHORT_CODE',
  },
  'OBP-40007': {
    name: 'CreateTransactionTypeUpdateError',
    status: 400,
    message: 'OBP-40007: Could not update Transaction Type: Non unique BANK_ID / SHORT_CODE',
  },
  'OBP-40008': { name: 'NotPositiveAmount', status: 400, message: "OBP-40008: Can't send a payment with a value of 0 or less." },
  'OBP-40009': {
    name: 'TransactionRequestTypeHasChanged',
    status: 400,
    message: 'OBP-40009: The TRANSACTION_REQUEST_TYPE has changed.',
  },
  'OBP-40010': {
    name: 'InvalidTransactionRequestChallengeId',
    status: 400,
    message: 'OBP-40010: Invalid Challenge Id. Please specify a valid value for CHALLENGE_ID.',
  },
  'OBP-40011': {
    name: 'TransactionRequestStatusNotInitiated',
    status: 400,
    message: 'OBP-40011: Transaction Request Status is not INITIATED.',
  },
  'OBP-40013': {
    name: 'InvalidChargePolicy',
    status: 400,
    message: 'OBP-40013: Invalid Charge Policy. Please specify a valid value for Charge_Policy: SHARED, SENDER or RECEIVER. ',
  },
  'OBP-40014': {
    name: 'AllowedAttemptsUsedUp',
    status: 400,
    message: "OBP-40014: Sorry, you've used up your allowed attempts. ",
  },
  'OBP-40015': {
    name: 'InvalidChallengeType',
    status: 400,
    message:
      'OBP-40015: Invalid Challenge Type. Please specify a valid value for CHALLENGE_TYPE, when you create the transaction request.',
  },
  'OBP-40016': {
    name: 'InvalidChallengeAnswer',
    status: 400,
    message:
      "OBP-40016: Invalid Challenge Answer. Please specify a valid value for answer in Json body. The challenge answer may be expired.Or you've used up your allowed attempts.Or if connector = mapped and transactionRequestType_OTP_INSTRUCTION_TRANSPORT = DUMMY and suggested_default_sca_method=DUMMY, the answer must be `123`. Or if connector = others, the challenge answer can be got by phone message or other security ways.",
  },
  'OBP-40018': {
    name: 'TransactionRequestsNotEnabled',
    status: 400,
    message: 'OBP-40018: Sorry, Transaction Requests are not enabled in this API instance.',
  },
  'OBP-40900': {
    name: 'IdempotencyKeyReused',
    status: 409,
    message:
      'OBP-40900: Idempotency-Key already used for a different request. The same key replays only the same request (same body, user, consumer and URL); send a new key for a new request.',
  },
  'OBP-40901': {
    name: 'OverdraftLimitExceeded',
    status: 400,
    message: 'OBP-40901: Insufficient funds. The payment would take the account below its overdraft limit.',
  },
  'OBP-50000': { name: 'UnknownError', status: 500, message: 'OBP-50000: Unknown Error.' },
  'OBP-50005': {
    name: 'AnUnspecifiedOrInternalErrorOccurred',
    status: 400,
    message: 'OBP-50005: An unspecified or internal error occurred.',
  },
  'OBP-50010': { name: 'ScalaEmptyBoxToLiftweb', status: 400, message: 'OBP-50010: Scala return Empty box to Liftweb.' },
  'OBP-50015': {
    name: 'InternalServerError',
    status: 500,
    message: 'OBP-50015: The server encountered an unexpected condition which prevented it from fulfilling the request.',
  },
  'OBP-300010': {
    name: 'BranchNotFoundByBranchId',
    status: 400,
    message:
      'OBP-300010: Branch not found. Please specify a valid value for BRANCH_ID. Or License may not be set. meta.license.id and meta.license.name can not be empty',
  },
} as const satisfies Record<string, { name: string; status: number; message: string }>;
