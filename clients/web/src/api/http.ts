// GraphQL over HTTP: a small fetch wrapper typed by the generated documents. Errors carry the
// API's code (UNAUTHENTICATED, BAD_USER_INPUT with its field…) or say the network is down.
import type { TypedDocumentString } from '../gql/graphql';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
  /** The request never got an answer (offline, server down): worth retrying later. */
  get transient(): boolean {
    return this.code === 'NETWORK' || this.code === 'UNAVAILABLE' || this.code === 'INTERNAL' || this.code === 'RATE_LIMITED';
  }
}

let bearer: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setBearer(token: string | null): void {
  bearer = token;
}

export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; field?: string };
}

export async function gql<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('network unreachable', 'NETWORK');
  }
  let payload: { data?: R | null; errors?: GraphQLErrorLike[] };
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL');
  }
  const error = payload.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL';
    if (code === 'UNAUTHENTICATED' && bearer) onUnauthenticated();
    throw new ApiError(error.message, code, error.extensions?.field);
  }
  if (!payload.data) throw new ApiError('empty answer', 'INTERNAL');
  return payload.data;
}
