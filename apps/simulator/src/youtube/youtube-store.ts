/** The brand's own channel: the one a YouTube source's `channelId` setting names in demos and tests. */
export const SIM_CHANNEL_ID = 'UCacmeSimulatedChannel01';
export const SIM_CHANNEL_TITLE = 'Acme';
/** The brand channel's videos, which simulated comments land on. */
export const SIM_CHANNEL_VIDEOS = ['acmeLaunch1', 'acmeHowTo02', 'acmeReview3', 'acmeUnbox04'];

export interface CommentAuthor {
  displayName: string;
  channelId: string;
}

export interface NewComment {
  text: string;
  author: CommentAuthor;
  likeCount: number;
  videoId?: string;
  channelId?: string;
}

export interface StoredComment extends Required<NewComment> {
  seq: number;
  id: string;
  totalReplyCount: number;
  publishedAt: string;
}

export interface NewVideo {
  title: string;
  description: string;
  channelId: string;
  channelTitle: string;
}

export interface StoredVideo extends NewVideo {
  seq: number;
  id: string;
  publishedAt: string;
}

export interface StoredReply {
  id: string;
  parentId: string;
  videoId: string;
  text: string;
  publishedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Present when older items remain: the exclusive upper bound (seq) of the next page. */
  nextBeforeSeq?: number;
}

const MAX_ITEMS = 200_000;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Fixed-width id in YouTube's alphabet, derived from a sequence number so runs are reproducible. */
function encodeId(seq: number, width: number, salt: number): string {
  let n = BigInt(seq) * 2_654_435_761n + BigInt(salt);
  let out = '';
  for (let i = 0; i < width; i++) {
    out += ID_ALPHABET[Number(n % 64n)];
    n /= 64n;
  }
  return out;
}

/**
 * Comment threads and videos, newest first as YouTube lists them. Times have whole-second precision and
 * never go backwards, so several items can share a second, as on the real API.
 */
export class YouTubeStore {
  private comments: StoredComment[] = [];
  private videos: StoredVideo[] = [];
  private repliesPosted: StoredReply[] = [];
  private seq = 0;
  private lastTime = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  addComment(input: NewComment): StoredComment {
    const seq = this.nextSeq();
    const comment: StoredComment = {
      seq,
      // Real top-level comment ids look like "UgzAbc…4AaABAg".
      id: `Ugz${encodeId(seq, 20, 7)}4AaABAg`,
      text: input.text,
      author: input.author,
      likeCount: input.likeCount,
      videoId: input.videoId ?? SIM_CHANNEL_VIDEOS[seq % SIM_CHANNEL_VIDEOS.length]!,
      channelId: input.channelId ?? SIM_CHANNEL_ID,
      totalReplyCount: 0,
      publishedAt: this.stamp(),
    };
    this.comments.push(comment);
    if (this.comments.length > MAX_ITEMS) this.comments.splice(0, this.comments.length - MAX_ITEMS);
    return comment;
  }

  addVideo(input: NewVideo): StoredVideo {
    const seq = this.nextSeq();
    const video: StoredVideo = { ...input, seq, id: encodeId(seq, 11, 13), publishedAt: this.stamp() };
    this.videos.push(video);
    if (this.videos.length > MAX_ITEMS) this.videos.splice(0, this.videos.length - MAX_ITEMS);
    return video;
  }

  findComment(id: string): StoredComment | undefined {
    return this.comments.find((c) => c.id === id);
  }

  addReply(parent: StoredComment, text: string): StoredReply {
    parent.totalReplyCount += 1;
    const reply: StoredReply = {
      id: `${parent.id}.${encodeId(this.nextSeq(), 22, 29)}`,
      parentId: parent.id,
      videoId: parent.videoId,
      text,
      publishedAt: this.stamp(),
    };
    this.repliesPosted.push(reply);
    return reply;
  }

  /** Threads on a channel and its videos (or one video), newest first. */
  listThreads(filter: {
    channelId?: string;
    videoId?: string;
    ids?: readonly string[];
    searchTerms?: string;
    beforeSeq?: number;
    maxResults: number;
  }): Page<StoredComment> {
    const terms = filter.searchTerms?.toLowerCase();
    return pageOf(this.comments, filter.beforeSeq, filter.maxResults, (c) => {
      if (filter.channelId !== undefined && c.channelId !== filter.channelId) return false;
      if (filter.videoId !== undefined && c.videoId !== filter.videoId) return false;
      if (filter.ids !== undefined && !filter.ids.includes(c.id)) return false;
      return terms === undefined || c.text.toLowerCase().includes(terms);
    });
  }

  /** Videos matching `q`, published strictly after `publishedAfter`, newest first. */
  searchVideos(filter: {
    matches: (text: string) => boolean;
    publishedAfter?: number;
    beforeSeq?: number;
    maxResults: number;
  }): Page<StoredVideo> {
    return pageOf(this.videos, filter.beforeSeq, filter.maxResults, (v) => {
      if (filter.publishedAfter !== undefined && Date.parse(v.publishedAt) <= filter.publishedAfter) return false;
      return filter.matches(`${v.title}\n${v.description}`);
    });
  }

  replies(): StoredReply[] {
    return [...this.repliesPosted];
  }

  counts(): { comments: number; videos: number; replies: number } {
    return { comments: this.comments.length, videos: this.videos.length, replies: this.repliesPosted.length };
  }

  clear(): void {
    this.comments = [];
    this.videos = [];
    this.repliesPosted = [];
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private stamp(): string {
    const second = Math.floor(this.now().getTime() / 1000) * 1000;
    this.lastTime = Math.max(this.lastTime, second);
    return new Date(this.lastTime).toISOString().replace('.000Z', 'Z');
  }
}

/** Items are kept oldest first; walk back from `beforeSeq` collecting up to `max` matches. */
function pageOf<T extends { seq: number }>(
  items: readonly T[],
  beforeSeq: number | undefined,
  max: number,
  keep: (item: T) => boolean,
): Page<T> {
  const out: T[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (beforeSeq !== undefined && item.seq >= beforeSeq) continue;
    if (!keep(item)) continue;
    if (out.length === max) return { items: out, nextBeforeSeq: out[out.length - 1]!.seq };
    out.push(item);
  }
  return { items: out };
}
