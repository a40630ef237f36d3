import type { ProblemBody } from '../../../shared/common.contract';
import { ApiError } from '../../api/client';
import { downloads } from '../../api/endpoints';

/** Files up to this size are accepted by the server. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

function problemOf(xhr: XMLHttpRequest): ProblemBody {
  let body: Partial<ProblemBody> | null = null;
  try {
    body = JSON.parse(xhr.responseText) as Partial<ProblemBody>;
  } catch {
    body = null;
  }
  if (body && typeof body.status === 'number') {
    return {
      type: body.type ?? 'about:blank',
      title: body.title ?? xhr.statusText,
      status: body.status,
      detail: body.detail ?? body.title ?? '',
      code: body.code ?? `http_${xhr.status}`,
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    };
  }
  return { type: 'about:blank', title: xhr.statusText || 'Error', status: xhr.status, detail: xhr.statusText || `HTTP ${xhr.status}`, code: `http_${xhr.status}` };
}

/**
 * Starts an import: the file is the request body (POST …/imports/{kind}); resolves with the job's id
 * once the server has queued it (202). XMLHttpRequest rather than fetch, for upload progress.
 */
export function uploadImport(
  slug: string,
  kind: string,
  file: Blob,
  contentType: string,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', downloads.importUrl(slug, kind));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as { id: string });
        } catch {
          reject(new ApiError({ type: 'about:blank', title: 'Bad response', status: 500, detail: 'The server’s answer could not be read.', code: 'bad_response' }));
        }
      } else {
        reject(new ApiError(problemOf(xhr)));
      }
    };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'The server could not be reached.', code: 'network_error' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
