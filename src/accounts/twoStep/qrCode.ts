import QRCode from 'qrcode';

/**
 * The QR code of an otpauth:// address as an SVG to put in the page (no script, no image request), with the quiet
 * zone scanners need, named for screen readers; the key is also shown as text beside it for those who cannot scan.
 */
export async function qrCodeSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code for your authenticator app" width="200" height="200" focusable="false" ');
}
