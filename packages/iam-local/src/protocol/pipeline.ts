// One Query-protocol call from received bytes to response bytes, independent of node:http:
// parameters → SigV4 (and what GetSessionToken credentials may call) → Action → parse (validation) → authorize →
// handle → XML (or the error envelope). Never throws.
import { randomUUID } from 'node:crypto';
import { authenticate } from '../auth/authenticate.ts';
import { checkCredentialScope } from '../auth/credential-scope.ts';
import { checkIamAccepts, checkStsAccepts } from '../auth/session-token-scope.ts';
import { checkPasswordChangeScope } from '../auth/password-change-scope.ts';
import type { Authorizer } from '../auth/authorizer.ts';
import type { CredentialResolver } from '../auth/credentials.ts';
import type { ReceivedRequest } from '../auth/sigv4.ts';
import { recordAccessKeyUse } from '../model/access-keys.ts';
import { FormError, isFormContentType, parseParameters } from './form.ts';
import { IamError } from '../errors.ts';
import type { AccountState, OperationContext, OperationTable, QueryParams } from './operation.ts';
import { renderError, renderSuccess, SERVICE_VERSION, type ServiceName } from './xml.ts';

export interface CallLogEntry {
  requestId: string;
  action: string | undefined;
  status: number;
  code?: string;
  ms: number;
  /** Stack of an unexpected failure (no parameters, no secrets). */
  error?: string;
}

export interface PipelineOptions {
  state: AccountState;
  operations: OperationTable;
  credentials: CredentialResolver;
  authorizer: Authorizer;
  /** The clock (tests move it to expire credentials). */
  now?: () => Date;
  log?: (entry: CallLogEntry) => void;
}

export interface CallRequest extends ReceivedRequest {
  sourceIp: string;
}

export interface CallResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SERVICE_FAILURE = 'The request processing has failed because of an unknown error, exception or failure.';

function respond(status: number, body: string, requestId: string): CallResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

interface Dispatch {
  service: ServiceName;
  action: string | undefined;
}

export function createPipeline(options: PipelineOptions): (request: CallRequest) => Promise<CallResponse> {
  const clock = options.now ?? (() => new Date());

  function readParams(request: CallRequest): QueryParams {
    if (request.method !== 'GET' && request.method !== 'POST') {
      throw new IamError('InvalidAction', `The HTTP method ${request.method} is not supported; use POST or GET.`, 405);
    }
    const body = request.method === 'POST' && isFormContentType(request.headers['content-type']) ? request.body.toString('utf8') : undefined;
    try {
      return parseParameters(request.query, body);
    } catch (error) {
      if (error instanceof FormError) throw new IamError('MalformedQueryString', error.message);
      throw error;
    }
  }

  async function run(request: CallRequest, requestId: string, dispatch: Dispatch): Promise<CallResponse> {
    const params = readParams(request);
    dispatch.action = params.Action?.slice(0, 128);
    // Until the signature names the service, an error is rendered in the namespace of the service the action belongs to.
    const known = params.Action !== undefined && Object.hasOwn(options.operations, params.Action) ? options.operations[params.Action] : undefined;
    if (known) dispatch.service = known.service;
    const now = clock();
    const { caller, service: scopeService, region } = await authenticate(request, options.credentials, now);
    // A scope IAM or STS would refuse is not a use of the key; the region is then aws:RequestedRegion.
    const service = checkCredentialScope({ service: scopeService, region }, dispatch.service);
    if (!caller.temporary) recordAccessKeyUse(options.state.db, caller.accessKeyId, { service, region, when: now });
    dispatch.service = service;
    if (service === 'iam') checkIamAccepts(caller);
    const action = params.Action;
    if (action === undefined || action === '') throw new IamError('MissingAction', 'Missing Action');
    const version = params.Version ?? SERVICE_VERSION[service];
    const operation = Object.hasOwn(options.operations, action) ? options.operations[action] : undefined;
    if (!operation || operation.service !== service || version !== SERVICE_VERSION[service]) {
      throw new IamError('InvalidAction', `Could not find operation ${action} for version ${version}`);
    }
    if (service === 'sts') checkStsAccepts(caller, action);
    checkPasswordChangeScope(caller, service, action);
    const ctx: OperationContext = { state: options.state, caller, requestId, now, region, sourceIp: request.sourceIp, authorizer: options.authorizer };
    const input = operation.parse(params);
    options.authorizer.authorize(caller, operation.authorize(params, ctx), { now, sourceIp: request.sourceIp, region });
    const result = await operation.handle(input, ctx);
    return respond(200, renderSuccess(service, action, result, requestId), requestId);
  }

  return async (request) => {
    const started = performance.now();
    const requestId = randomUUID();
    const dispatch: Dispatch = { service: 'iam', action: undefined };
    let response: CallResponse;
    let code: string | undefined;
    let failure: string | undefined;
    try {
      response = await run(request, requestId, dispatch);
    } catch (error) {
      const iamError = error instanceof IamError ? error : new IamError('ServiceFailure', SERVICE_FAILURE, 500);
      if (!(error instanceof IamError)) failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
      code = iamError.code;
      response = respond(iamError.status, renderError(dispatch.service, { type: iamError.type, code: iamError.code, message: iamError.message }, requestId), requestId);
    }
    options.log?.({
      requestId,
      action: dispatch.action,
      status: response.status,
      ...(code ? { code } : {}),
      ms: Math.round((performance.now() - started) * 1000) / 1000,
      ...(failure ? { error: failure } : {}),
    });
    return response;
  };
}
