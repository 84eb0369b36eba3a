/**
 * Adds credentials to requests. Implementations: {@link bearerAuth}, {@link basicAuth},
 * {@link oauthRefreshAuth}, {@link googleServiceAccountAuth}, or your own.
 *
 * @category Auth
 * @since 0.1.0
 */
export interface AuthProvider {
  /**
   * Sets the credential headers of one request (fetching or refreshing a token first if needed).
   *
   * @param headers - The request's headers, to modify.
   * @param signal - Cancels a token request.
   */
  apply(headers: Headers, signal?: AbortSignal): Promise<void>;
  /**
   * Called once after a 401: drop the cached token so the next {@link AuthProvider.apply} gets a new one.
   *
   * @returns `true` when retrying can help.
   */
  invalidate?(): boolean;
  /**
   * Every secret value this provider holds or obtained (to redact from errors, logs and dead letters).
   *
   * @returns The secrets.
   */
  secrets(): readonly string[];
}
