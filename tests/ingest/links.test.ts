import { describe, expect, it } from 'vitest';
import { isPaperLink, isPostLink, labelFromUrl, linkKind } from '../../src/ingest/links.js';

describe('the one link classifier', () => {
  it.each([
    ['pdf', 'https://arxiv.org/pdf/1412.6980', 'PDF'],
    ['paper', 'https://openreview.net/forum?id=ryQu7f-RZ', 'PDF'],
    ['code', 'https://github.com/jettify/pytorch-optimizer', 'CODE'],
    ['link', 'https://huggingface.co/some/model', 'CODE'],
    ['video', 'https://www.youtube.com/watch?v=abc', 'VIDEO'],
    ['ICML talk', 'https://slideslive.com/38928', 'VIDEO'],
    ['link', 'https://vimeo.com/1234', 'VIDEO'],
    ['slides', 'https://example.org/deck', 'SLIDES'],
    ['link', 'https://speakerdeck.com/x/y', 'SLIDES'],
    ['blog', 'https://example.org/post', 'NOTES'],
    ['link', 'https://medium.com/@a/b', 'NOTES'],
    ['homepage', 'https://example.org/', 'OTHER'],
  ])('%s → %s is %s', (label, url, kind) => {
    expect(linkKind({ label, url })).toBe(kind);
  });

  it('lets where a link points decide before its label, the same way the importer does', () => {
    // A "paper" label on a repository is still code: no paper link, no PDF.
    const repo = { label: 'paper', url: 'https://github.com/a/b' };
    expect([isPaperLink(repo), linkKind(repo), labelFromUrl(repo.url)]).toEqual([false, 'CODE', 'code']);
    const post = { label: 'paper', url: 'https://ai.googleblog.com/2019/06/x.html' };
    expect([isPaperLink(post), isPostLink(post), linkKind(post)]).toEqual([false, true, 'NOTES']);
    expect(labelFromUrl('https://youtu.be/xyz')).toBe('video');
  });
});
