// QR code of the case number, as an SVG string for renderNoticeHtml (qrcode's Node entry).
import QRCode from 'qrcode';

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
