import type {
  CannedResponseView,
  LanguageSeen,
  MentionNoteView,
  MentionView,
  ReplyTextCheck,
  ReplyView,
  SolutionSuggestion,
  SolutionView,
} from '@lp/domain';
import type { Session } from '../auth/session';
import { readRefusal } from '../live/api-client';
import type { SolutionDraft } from './solution-draft';

/** An api refusal, with the server's message fit to show (409 holder, 400 field reason). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The input a 400 is about, so a form can mark it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

async function call<T>(session: Session, path: string, init: RequestInit = {}): Promise<T> {
  const res = await session.authorizedFetch(path, {
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers },
  });
  if (!res.ok) {
    const body = await readRefusal(res);
    const message =
      body.fields?.[0]?.messages?.[0] ?? (typeof body.message === 'string' ? body.message : res.statusText);
    throw new ApiError(res.status, message, body.fields?.[0]?.field);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  body: body === undefined ? undefined : JSON.stringify(body),
});

export interface ReplyPreview {
  text: string;
  check: ReplyTextCheck;
  refusal: string | null;
}

/** The console's calls to the api: one function per action, each throwing ApiError with a message to show. */
export const consoleApi = {
  /**
   * Open mentions (new and claimed), so the queue holds more than the live page's latest few; with a
   * language, that language's open mentions, so a filtered queue is whole even on a busy day.
   */
  async openMentions(session: Session, lang?: string): Promise<MentionView[]> {
    const only = lang ? `&lang=${encodeURIComponent(lang)}` : '';
    const [fresh, claimed] = await Promise.all([
      call<{ items: MentionView[] }>(session, `/api/mentions?status=new&limit=500${only}`),
      call<{ items: MentionView[] }>(session, `/api/mentions?status=claimed&limit=500${only}`),
    ]);
    return [...fresh.items, ...claimed.items];
  },
  /** Languages of the last 30 days' mentions, busiest first: the language filter's options. */
  languages: async (session: Session) =>
    (await call<{ items: LanguageSeen[] }>(session, '/api/mentions/languages')).items.map((l) => l.lang),
  /** One mention whatever its status, for a shared link that may name an answered one; 404 when unknown. */
  mention: (session: Session, id: string) => call<MentionView>(session, `/api/mentions/${encodeURIComponent(id)}`),
  /** The author's mentions on that platform, newest first: their history with us. */
  async authorMentions(session: Session, mention: MentionView): Promise<MentionView[]> {
    const query = new URLSearchParams({
      platform: mention.platform,
      authorExternalId: mention.author.externalId,
      limit: '20',
    });
    return (await call<{ items: MentionView[] }>(session, `/api/mentions?${query.toString()}`)).items;
  },
  claim: (session: Session, id: string) => call(session, `/api/mentions/${id}/claim`, post()),
  release: (session: Session, id: string) => call(session, `/api/mentions/${id}/release`, post()),
  setStatus: (session: Session, id: string, status: 'resolved' | 'ignored' | 'new') =>
    call(session, `/api/mentions/${id}/status`, { method: 'PATCH', body: JSON.stringify({ status }) }),
  /** Opens (or joins) an incident for the mention; on-call is paged through the "incident detected" rule. */
  escalate: (session: Session, id: string) =>
    call<{ id: string; title: string }>(session, `/api/mentions/${id}/escalate`, post()),
  setTags: (session: Session, id: string, tags: string[]) =>
    call(session, `/api/mentions/${id}/tags`, { method: 'PUT', body: JSON.stringify({ tags }) }),
  notes: async (session: Session, id: string) =>
    (await call<{ items: MentionNoteView[] }>(session, `/api/mentions/${id}/notes`)).items,
  addNote: (session: Session, id: string, body: string) =>
    call<MentionNoteView>(session, `/api/mentions/${id}/notes`, post({ body })),
  replies: async (session: Session, id: string) =>
    (await call<{ items: ReplyView[] }>(session, `/api/mentions/${id}/replies`)).items,
  preview: (session: Session, id: string, body: { text?: string; cannedResponseId?: string }) =>
    call<ReplyPreview>(session, `/api/mentions/${id}/replies/preview`, post(body)),
  /** The same key for every retry of one draft: the server posts it once however often it is sent. */
  sendReply: (session: Session, id: string, text: string, idempotencyKey: string, cannedResponseId?: string) =>
    call<ReplyView>(session, `/api/mentions/${id}/replies`, {
      ...post({ text, cannedResponseId }),
      headers: { 'idempotency-key': idempotencyKey },
    }),
  retryReply: (session: Session, replyId: string, checkedNotPosted: boolean) =>
    call<ReplyView>(session, `/api/replies/${replyId}/retry`, post(checkedNotPosted ? { checkedNotPosted } : {})),
  approveReply: (session: Session, replyId: string) =>
    call<ReplyView>(session, `/api/replies/${replyId}/approve`, post()),
  cannedResponses: async (session: Session, platform: string) =>
    (await call<{ items: CannedResponseView[] }>(session, `/api/canned-responses?platform=${platform}`)).items,
  /** Makes a sent reply a lasting public solution (at /s/<slug>); refused with 409 once it already is one. */
  saveSolution: (session: Session, replyId: string, draft: SolutionDraft) =>
    call<SolutionView>(session, `/api/replies/${replyId}/solution`, post(draft)),
  /** Saved solutions that match the mention, best first, each with a short answer ready to insert. */
  solutions: async (session: Session, mentionId: string) =>
    (await call<{ items: SolutionSuggestion[] }>(session, `/api/mentions/${mentionId}/solutions`)).items,
};
