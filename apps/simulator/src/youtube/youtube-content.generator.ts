import type { MentionGenerator } from '../chatter/mention-generator';
import type { Mood } from '../chatter/phrasebook';
import type { NewComment, NewVideo } from './youtube-store';

/** YouTube channel ids are "UC" and 22 characters; derive a stable one from a generated author. */
function channelIdOf(authorId: string): string {
  return `UC${Buffer.from(authorId).toString('base64url')}`.padEnd(24, 'A').slice(0, 24);
}

/** Dresses the shared chatter generator's posts as YouTube comments and videos. */
export class YouTubeContentGenerator {
  constructor(private readonly posts: MentionGenerator) {}

  comment(mood?: Mood): NewComment {
    const post = this.posts.next(mood);
    return {
      text: post.text,
      author: { displayName: `@${post.author.username}`, channelId: channelIdOf(post.author.id) },
      likeCount: post.likes,
    };
  }

  /** A video by a customer or creator; titles are capped at YouTube's 100 characters. */
  video(mood?: Mood): NewVideo {
    const post = this.posts.next(mood);
    const title = post.text.length > 100 ? `${post.text.slice(0, 97)}...` : post.text;
    return {
      title,
      description: `${post.text}\n\nUploaded by ${post.author.name}.`,
      channelId: channelIdOf(post.author.id),
      channelTitle: post.author.name,
    };
  }
}
