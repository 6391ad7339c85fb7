/**
 * The commands the draw page and the README give for checking a draw without this server's code: one Node.js line
 * over the published JSON (prints `true true`: the seed matches the committed hash, and the recomputed order is the
 * published one), and openssl for the commitment and for one ticket's key. A test runs the Node line.
 */
export const NODE_VERIFY_LINE = `node -e 'const c=require("crypto"),d=require("./draw.json"),s=Buffer.from(d.seed,"hex"),k=t=>c.createHmac("sha256",s).update(t).digest("hex");`
  + `console.log(c.createHash("sha256").update(s).digest("hex")===d.seedHash,JSON.stringify(d.applicants.map(a=>[a.group,k(a.ticket),a.ticket])`
  + `.sort((x,y)=>x[0]-y[0]||(x[1]<y[1]?-1:x[1]>y[1]?1:x[2]<y[2]?-1:1)).map(x=>x[2]))===JSON.stringify(d.result.map(r=>r.ticket)))'`;

export function verifyCommands(jsonUrl: string, seed: string | null, ticket: string): string[] {
  const hexSeed = seed ?? '<seed>';
  return [
    `curl -s '${jsonUrl}' -o draw.json`,
    NODE_VERIFY_LINE,
    `printf %s ${hexSeed} | xxd -r -p | openssl dgst -sha256`,
    `printf %s ${ticket} | openssl dgst -sha256 -mac HMAC -macopt hexkey:${hexSeed}`,
  ];
}
