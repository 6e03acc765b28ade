/** Auth.js's cookie name over plain HTTP; fixed so API handlers can read the session without Next's request scope. */
export const SESSION_COOKIE = 'authjs.session-token';
