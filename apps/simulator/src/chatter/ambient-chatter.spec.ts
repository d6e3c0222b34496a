import { FacebookStore } from '../facebook/facebook-store';
import { YouTubeContentGenerator } from '../youtube/youtube-content.generator';
import { YouTubeStore } from '../youtube/youtube-store';
import { AmbientChatter } from './ambient-chatter';
import { MentionGenerator } from './mention-generator';

describe('AmbientChatter', () => {
  const setup = (rate: number) => {
    const facebook = new FacebookStore(new MentionGenerator(1));
    const youtube = new YouTubeStore();
    const ambient = new AmbientChatter(
      {
        facebook,
        facebookPageId: '448000000000001',
        youtube,
        youtubeContent: new YouTubeContentGenerator(new MentionGenerator(2)),
      },
      () => rate,
    );
    return { facebook, youtube, ambient };
  };

  it('adds nothing when the steady rate is 0', () => {
    const { facebook, youtube, ambient } = setup(0);
    for (let i = 0; i < 30; i++) ambient.step();
    expect(facebook.feed('448000000000001')).toHaveLength(0);
    expect(youtube.counts().comments).toBe(0);
  });

  it('adds a Facebook post and a YouTube comment every 10 / rate seconds', () => {
    const { facebook, youtube, ambient } = setup(2);
    for (let i = 0; i < 30; i++) ambient.step();
    expect(facebook.feed('448000000000001')).toHaveLength(6);
    expect(youtube.counts().comments).toBe(6);
    expect(youtube.counts().videos).toBe(1);
  });
});
