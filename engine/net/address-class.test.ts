import { describe, expect, it } from 'vitest';
import { classifyAddress, classifyHost, parseIpv6, refusedBy } from './address-class';

const open = { allowHosts: [], allowLinkLocal: false };

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['[FD00:0EC2:0:0:0:0:0:254]', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'], // how the URL parser writes the mapped form
    ['64:ff9b::169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
  ])('%s is %s', (ip, rule) => expect(classifyAddress(ip)).toBe(rule));

  it.each(['127.0.0.1', '10.1.2.3', '192.168.0.10', '172.16.5.4', '100.64.0.1', '8.8.8.8', '::1', 'fd12::1', 'fec0::1', '2001:db8::1', '::ffff:127.0.0.1'])(
    '%s stays allowed (loopback, private and public ranges)',
    (ip) => expect(classifyAddress(ip)).toBeNull(),
  );

  it('answers null for what is not an IP address', () => {
    for (const s of ['example.com', '1.2.3', '1.2.3.256', '1:2:3', ':::', '1::2::3', 'g::1', '']) expect(classifyAddress(s)).toBeNull();
  });
});

describe('parseIpv6', () => {
  it('expands compression and IPv4 tails', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});

describe('classifyHost and refusedBy', () => {
  it('refuses metadata host names before any DNS lookup', () => {
    expect(classifyHost('metadata.google.internal')).toBe('metadata');
    expect(classifyHost('METADATA.google.internal.')).toBe('metadata');
    expect(classifyHost('jenkins.internal')).toBeNull();
  });

  it('allows link-local only when configured, and metadata only when named', () => {
    expect(refusedBy('169.254.10.10', open)).toBe('link-local');
    expect(refusedBy('169.254.10.10', { allowHosts: [], allowLinkLocal: true })).toBeNull();
    expect(refusedBy('169.254.169.254', { allowHosts: [], allowLinkLocal: true })).toBe('metadata');
    expect(refusedBy('169.254.169.254', { allowHosts: ['169.254.169.254'], allowLinkLocal: false })).toBeNull();
    expect(refusedBy('[fe80::1]', { allowHosts: ['fe80::1'], allowLinkLocal: false })).toBeNull();
  });
});
