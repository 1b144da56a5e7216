import { useEffect, useRef, useState } from 'react';
import { useOfficerWords } from './use-officer-words';

/** The Barcode Detection API (Chromium on Android, ChromeOS, macOS); not in TypeScript's DOM types yet. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return candidate && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

/** Whether this device can scan a QR code: a camera API and a browser that reads QR codes. Null while asking. */
function useScanSupport(): boolean | null {
  const [supported, setSupported] = useState<boolean | null>(null);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) {
      setSupported(false);
      return;
    }
    let live = true;
    Detector.getSupportedFormats()
      .then((formats) => live && setSupported(formats.includes('qr_code')))
      .catch(() => live && setSupported(false));
    return () => {
      live = false;
    };
  }, []);
  return supported;
}

/**
 * "Scan": the device's camera and the browser's own QR reader (no library is downloaded); hidden where either is
 * missing, and typing or pasting the code always works. Calls `onToken` with the first QR code read.
 */
export function QrScanner({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useOfficerWords();
  const supported = useScanSupport();
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const Detector = detectorClass();
    if (!scanning || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async (): Promise<void> => {
      if (!live || !video.current) return;
      const found = await detector.detect(video.current).catch(() => []);
      const token = found[0]?.rawValue;
      if (token && live) {
        onToken(token.trim());
        setScanning(false);
        return;
      }
      timer = setTimeout(() => void look(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (!live || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void look();
      })
      .catch(() => {
        if (!live) return;
        setFailed(true);
        setScanning(false);
      });
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, onToken]);

  if (!supported) return null;
  return (
    <div className="officer-scan">
      <button
        type="button"
        onClick={() => {
          setFailed(false);
          setScanning((on) => !on);
        }}
      >
        {scanning ? t('checkIn.stopScan') : t('checkIn.scan')}
      </button>
      {scanning && <video ref={video} className="officer-video" muted playsInline aria-label={t('checkIn.camera')} />}
      {failed && <p className="problem">{t('checkIn.noCamera')}</p>}
    </div>
  );
}
