import type { MentionGenerator } from '../chatter/mention-generator';

export interface GraphActor {
  id: string;
  name: string;
}

export interface StoredPost {
  id: string;
  /** The Page whose feed shows the post. */
  pageId: string;
  seq: number;
  createdAt: number;
  message: string;
  from: GraphActor;
  /** Posted elsewhere, tagging the Page: listed by both `/feed` and `/tagged`, as Graph does. */
  tagged: boolean;
  shares: number;
}

export interface StoredComment {
  id: string;
  postId: string;
  /** The post for a top-level comment, or the comment this one answers. */
  parentId: string;
  seq: number;
  createdAt: number;
  message: string;
  from: GraphActor;
  likeCount: number;
}

export interface RecordedReply {
  id: string;
  targetId: string;
  message: string;
  createdAt: string;
}

export interface NewPosts {
  pageId: string;
  count: number;
  commentsPerPost?: number;
  tagged?: boolean;
  /** Posts by the Page itself: the connector must not report them. */
  fromPage?: boolean;
  /** Backdates the posts, to put them outside a poller's time window. */
  ageMinutes?: number;
  text?: string;
}

const MAX_ITEMS = 200_000;

/** Posts and comments of the fake Graph, with the replies the connector sent, in memory. */
export class FacebookStore {
  private readonly posts = new Map<string, StoredPost>();
  private readonly comments = new Map<string, StoredComment>();
  private readonly recorded: RecordedReply[] = [];
  private seq = 0;

  constructor(
    private readonly generator: MentionGenerator,
    private readonly pageName = 'Acme',
  ) {}

  addPosts(spec: NewPosts, now = Date.now()): Array<{ id: string; commentIds: string[] }> {
    const created: Array<{ id: string; commentIds: string[] }> = [];
    const base = now - (spec.ageMinutes ?? 0) * 60_000;
    for (let i = 0; i < spec.count; i++) {
      const generated = this.generator.next();
      const from = spec.fromPage ? this.pageActor(spec.pageId) : this.actor(generated.author);
      const seq = this.nextSeq();
      // A tagged post lives on its author's timeline, so its id starts with the author's id.
      const id = `${spec.tagged ? from.id : spec.pageId}_${1_000_000_000 + seq}`;
      const post: StoredPost = {
        id,
        pageId: spec.pageId,
        seq,
        createdAt: base + i,
        message: spec.text ?? generated.text,
        from,
        tagged: spec.tagged ?? false,
        shares: generated.reposts,
      };
      this.posts.set(id, post);
      created.push({ id, commentIds: this.addComments(id, spec.commentsPerPost ?? 0, post.createdAt + 1) ?? [] });
    }
    this.trim();
    return created;
  }

  /** Every third comment answers the one before it, so threads have replies as on a real Page. */
  addComments(postId: string, count: number, now = Date.now(), text?: string): string[] | undefined {
    const post = this.posts.get(postId);
    if (!post) return undefined;
    const ids: string[] = [];
    for (let j = 0; j < count; j++) {
      const generated = this.generator.next();
      const parentId = j % 3 === 2 ? ids[j - 1]! : postId;
      ids.push(
        this.insertComment(
          post,
          parentId,
          this.actor(generated.author),
          text ?? generated.text,
          now + j,
          generated.likes,
        ).id,
      );
    }
    return ids;
  }

  /** The Page's reply shows up in the comment stream too, where the connector must ignore it. */
  addReply(targetId: string, message: string, now = Date.now()): RecordedReply | undefined {
    const post = this.posts.get(targetId) ?? this.posts.get(this.comments.get(targetId)?.postId ?? '');
    if (!post) return undefined;
    const comment = this.insertComment(post, targetId, this.pageActor(post.pageId), message, now, 0);
    const reply = { id: comment.id, targetId, message, createdAt: new Date(now).toISOString() };
    this.recorded.push(reply);
    return reply;
  }

  post(id: string): StoredPost | undefined {
    return this.posts.get(id);
  }

  comment(id: string): StoredComment | undefined {
    return this.comments.get(id);
  }

  feed(pageId: string): StoredPost[] {
    return [...this.posts.values()].filter((p) => p.pageId === pageId);
  }

  tagged(pageId: string): StoredPost[] {
    return this.feed(pageId).filter((p) => p.tagged);
  }

  /** `filter=stream` lists every comment under a post, replies included; `toplevel` only direct answers. */
  commentsOf(nodeId: string, filter: 'stream' | 'toplevel'): StoredComment[] {
    const all = [...this.comments.values()];
    if (this.posts.has(nodeId)) {
      return all.filter((c) => c.postId === nodeId && (filter === 'stream' || c.parentId === nodeId));
    }
    return all.filter((c) => c.parentId === nodeId);
  }

  get replies(): readonly RecordedReply[] {
    return this.recorded;
  }

  get size(): { posts: number; comments: number; replies: number } {
    return { posts: this.posts.size, comments: this.comments.size, replies: this.recorded.length };
  }

  clear(): void {
    this.posts.clear();
    this.comments.clear();
    this.recorded.length = 0;
  }

  private insertComment(
    post: StoredPost,
    parentId: string,
    from: GraphActor,
    message: string,
    createdAt: number,
    likeCount: number,
  ): StoredComment {
    const seq = this.nextSeq();
    // Graph comment ids are `<post part>_<comment part>`.
    const id = `${post.id.split('_')[1] ?? post.id}_${2_000_000_000 + seq}`;
    const comment = { id, postId: post.id, parentId, seq, createdAt, message, from, likeCount };
    this.comments.set(id, comment);
    return comment;
  }

  private actor(author: { id: string; name: string }): GraphActor {
    return { id: author.id, name: author.name };
  }

  private pageActor(pageId: string): GraphActor {
    return { id: pageId, name: this.pageName };
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Keeps a long demo's memory bounded: the oldest posts go, with their comments. */
  private trim(): void {
    if (this.posts.size <= MAX_ITEMS) return;
    const excess = [...this.posts.values()].sort((a, b) => a.seq - b.seq).slice(0, this.posts.size - MAX_ITEMS);
    const gone = new Set(excess.map((p) => p.id));
    for (const id of gone) this.posts.delete(id);
    for (const [id, c] of this.comments) if (gone.has(c.postId)) this.comments.delete(id);
  }
}
