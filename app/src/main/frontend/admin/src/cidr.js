// IPv4 and IPv6 address ranges (CIDR), to warn before an allow-list shuts out the admin's own address.
// The server decides; this only spares the admin a mistake.

function parseIpv4(text) {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return { bits: 32, value: parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n) };
}

function parseIpv6(text) {
  let head = text;
  let tailWords = [];
  const ipv4Tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (ipv4Tail) {
    const ipv4 = parseIpv4(ipv4Tail[2]);
    if (!ipv4) return null;
    head = ipv4Tail[1].endsWith('::') ? ipv4Tail[1] : ipv4Tail[1].slice(0, -1);
    tailWords = [Number(ipv4.value >> 16n), Number(ipv4.value & 0xffffn)];
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const words = (part) => (part ? part.split(':') : []);
  const left = words(halves[0]);
  const right = halves.length === 2 ? words(halves[1]) : [];
  if (![...left, ...right].every((word) => /^[0-9a-fA-F]{1,4}$/.test(word))) return null;
  const known = left.length + right.length + tailWords.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const all = [...left.map((word) => parseInt(word, 16)), ...Array(8 - known).fill(0),
    ...right.map((word) => parseInt(word, 16)), ...tailWords];
  return { bits: 128, value: all.reduce((value, word) => (value << 16n) | BigInt(word), 0n) };
}

/** An address; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as the IPv4 address. */
export function parseIp(text) {
  const address = String(text).trim().replace(/^\[|\]$/g, '');
  if (address.includes(':')) {
    const ipv6 = parseIpv6(address);
    if (ipv6 && ipv6.value >> 32n === 0xffffn) return { bits: 32, value: ipv6.value & 0xffffffffn };
    return ipv6;
  }
  return parseIpv4(address);
}

/** "203.0.113.0/24" → { bits, value, prefix }; a single address is a range of one. */
export function parseCidr(text) {
  const [address, prefixText, extra] = String(text).trim().split('/');
  if (extra !== undefined) return null;
  const ip = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  if (!ip) return null;
  const prefix = prefixText === undefined ? ip.bits : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(prefix)) || prefix < 0 || prefix > ip.bits) return null;
  return { ...ip, prefix };
}

export function contains(cidrText, addressText) {
  const range = parseCidr(cidrText);
  const address = parseIp(addressText);
  if (!range || !address || range.bits !== address.bits) return false;
  const shift = BigInt(range.bits - range.prefix);
  return range.value >> shift === address.value >> shift;
}
