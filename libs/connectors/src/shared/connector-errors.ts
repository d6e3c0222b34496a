/**
 * Errors a connector raises. The poller decides on backoff and source health from the class;
 * the message is safe to log and show (it never carries a token).
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The platform answered with something that is not what its documented format promises. */
export class ConnectorPayloadError extends ConnectorError {
  constructor(message: string) {
    super(message, true);
  }
}

/** The platform refused for now; polling resumes after `resumeAt`. */
export class RateLimitedError extends ConnectorError {
  constructor(
    message: string,
    readonly resumeAt: Date,
  ) {
    super(message, true);
  }
}

/** Credentials are missing, wrong or expired: retrying without a human changes nothing. */
export class ConnectorAuthError extends ConnectorError {
  constructor(message: string) {
    super(message, false);
  }
}
