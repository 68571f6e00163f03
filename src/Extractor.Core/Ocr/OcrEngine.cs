using Extractor.Imaging;
using Extractor.Interop;

namespace Extractor.Ocr;

/// <summary>
/// One Tesseract instance (LSTM, OEM 1). Create once per worker thread and reuse it (Init costs ~0.1–0.15 s);
/// calls on one engine are serialised by a lock, but two threads sharing one engine gain nothing — use
/// <see cref="OcrEnginePool"/>. Images are copied into Tesseract on each call, so nothing native is shared.
/// </summary>
public sealed class OcrEngine : IDisposable
{
    private readonly TessApiHandle _api;
    private readonly object _gate = new();
    private readonly string _tessdata;
    private TessApiHandle? _osd;
    private TessApiHandle? _chinese;
    private TessApiHandle? _latin;
    private readonly bool _hasEnglish;

    static OcrEngine()
    {
        NativeEnvironment.Initialize();
        // Tesseract hands Leptonica line boxes that reach past a cell crop; Leptonica prints "Error in
        // boxClipToRectangle" for each and Tesseract goes on with the clipped box. Only warnings of ours are useful.
        LeptonicaNative.SilenceMessages();
    }

    public OcrEngine(string languages = "chi_sim+eng", string? tessdataPath = null)
    {
        _tessdata = tessdataPath ?? NativeEnvironment.DefaultTessdata;
        NativeEnvironment.RequireOcr(languages, _tessdata);
        Languages = languages;
        _hasEnglish = languages.Split('+').Contains("eng");
        _api = Create(_tessdata, languages, TesseractNative.OemLstmOnly);
    }

    public string Languages { get; }

    private static TessApiHandle Create(string tessdata, string languages, int oem)
    {
        var api = TesseractNative.TessBaseAPICreate();
        if (api.IsInvalid) throw new InvalidOperationException("TessBaseAPICreate failed");
        TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        int rc = TesseractNative.TessBaseAPIInit2(api, tessdata, languages, oem);
        if (rc != 0)
        {
            api.Dispose();
            throw new MissingEngineException($"Tesseract could not load '{languages}' from {tessdata} (rc {rc}); " +
                                             "install the language packs, e.g. `apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng`",
                "tesseract-ocr-" + languages.Split('+')[0].Replace('_', '-'));
        }
        TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        return api;
    }

    /// <summary>
    /// Recognises an image or one region of it. <paramref name="whitelist"/> (e.g. "0123456789.,") applies to this call only.
    /// An empty or sub-3-pixel region gives <see cref="OcrResult.Empty"/>.
    /// </summary>
    public OcrResult Recognize(GrayImage image, PixelRect? region = null, PageSegMode mode = PageSegMode.SingleLine, string? whitelist = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            return RecognizeWith(_api, image, region, mode, whitelist);
        }
    }

    /// <summary>
    /// Recognises with the Chinese model alone (a second Tesseract instance, loaded on first use). For short text
    /// cells chi_sim+eng reads as Latin junk (合计 → "Sit"); chi_sim alone keeps them Chinese but mangles numbers,
    /// so callers use it as a second opinion on cells that should hold Chinese.
    /// </summary>
    public OcrResult RecognizeChinese(GrayImage image, PixelRect? region = null, PageSegMode mode = PageSegMode.SingleLine)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            return RecognizeWith(Alone("chi_sim", ref _chinese), image, region, mode, null);
        }
    }

    /// <summary>
    /// Recognises digits (<paramref name="whitelist"/>) with the English model alone (a third instance, loaded on first
    /// use). With chi_sim first, chi_sim+eng drops a leading digit of some short numbers even under a digits whitelist
    /// ("34" read "4" at 0.99, at any size); eng alone reads them whole.
    /// </summary>
    public OcrResult RecognizeDigits(GrayImage image, string whitelist, PixelRect? region = null, PageSegMode mode = PageSegMode.SingleLine)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            // Only an engine configured with eng has its model at hand (RequireOcr checked the configured languages).
            return RecognizeWith(_hasEnglish ? Alone("eng", ref _latin) : _api, image, region, mode, whitelist);
        }
    }

    // One model alone: the main instance when it is configured so, else a second instance loaded on first use. Call
    // under _gate.
    private TessApiHandle Alone(string language, ref TessApiHandle? instance) =>
        Languages == language ? _api : instance ??= Create(_tessdata, language, TesseractNative.OemLstmOnly);

    private static OcrResult RecognizeWith(TessApiHandle api, GrayImage image, PixelRect? region, PageSegMode mode, string? whitelist)
    {
        {
            if (Prepare(api, image, region, mode) is not { } offset) return OcrResult.Empty;
            bool wl = !string.IsNullOrEmpty(whitelist);
            if (wl) TesseractNative.TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist!);
            try
            {
                if (TesseractNative.TessBaseAPIRecognize(api, IntPtr.Zero) != 0) return OcrResult.Empty;
                string text = (TesseractNative.TakeText(TesseractNative.TessBaseAPIGetUTF8Text(api)) ?? "").Trim();
                double conf = Math.Clamp(TesseractNative.TessBaseAPIMeanTextConf(api) / 100.0, 0, 1);
                var words = new List<OcrWord>();
                foreach (var (t, box, c) in Iterate(api, TesseractNative.RilWord, offset)) words.Add(new OcrWord(t, box, c));
                if (wl)
                {
                    // With a whitelist Tesseract 5.3 reports word and mean confidences near 0 even for exact reads;
                    // the symbol-level confidences stay meaningful, so use their mean (and per-word means).
                    var symbols = Iterate(api, TesseractNative.RilSymbol, offset);
                    if (symbols.Count > 0)
                    {
                        conf = symbols.Average(s => s.Confidence);
                        for (int i = 0; i < words.Count; i++)
                        {
                            var wb = words[i].Box;
                            var inside = symbols.Where(s => s.Box.X >= wb.X - 1 && s.Box.Right <= wb.Right + 1).ToList();
                            if (inside.Count > 0) words[i] = words[i] with { Confidence = inside.Average(s => s.Confidence) };
                        }
                    }
                }
                if (text.Length == 0) conf = 0;
                return new OcrResult(text, conf, words);
            }
            finally
            {
                if (wl) TesseractNative.TessBaseAPISetVariable(api, "tessedit_char_whitelist", "");
                TesseractNative.TessBaseAPIClear(api); // drops the image copy and the results
            }
        }
    }

    /// <summary>Text lines of an image or region (layout analysis by Tesseract), boxes in image pixels.</summary>
    public IReadOnlyList<OcrLine> RecognizeLines(GrayImage image, PixelRect? region = null, PageSegMode mode = PageSegMode.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            if (Prepare(_api, image, region, mode) is not { } offset) return [];
            try
            {
                if (TesseractNative.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) return [];
                var lines = new List<OcrLine>();
                foreach (var (t, box, c) in Iterate(_api, TesseractNative.RilTextline, offset)) lines.Add(new OcrLine(t, box, c));
                return lines;
            }
            finally { TesseractNative.TessBaseAPIClear(_api); }
        }
    }

    /// <summary>
    /// Orientation by Tesseract OSD (osd.traineddata, legacy engine, loaded on first use). Degrees is the clockwise
    /// rotation Tesseract sees in the image; turn the image back by that many degrees to make it upright.
    /// Null when OSD finds too little text to decide.
    /// </summary>
    public OrientationResult? DetectOrientation(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            if (_osd == null)
            {
                NativeEnvironment.RequireOcr("osd", _tessdata);
                _osd = Create(_tessdata, "osd", TesseractNative.OemTesseractOnly);
            }
            SetImage(_osd, image);
            TesseractNative.TessBaseAPISetPageSegMode(_osd, (int)PageSegMode.OsdOnly);
            try
            {
                if (!TesseractNative.TessBaseAPIDetectOrientationScript(_osd, out int deg, out float conf, out IntPtr script, out float sconf))
                    return null;
                return new OrientationResult(deg, conf, GLibNative.PtrToString(script) ?? "", sconf);
            }
            finally { TesseractNative.TessBaseAPIClear(_osd); }
        }
    }

    private static unsafe void SetImage(TessApiHandle api, GrayImage image, PixelRect? region = null)
    {
        var r = region ?? new PixelRect(0, 0, image.Width, image.Height);
        // Pass the region as a sub-buffer (stride = image width) instead of SetRectangle: with SetRectangle,
        // text-line results of Tesseract 5.3 came back as junk ("和", confidence 0) while the crop read correctly.
        fixed (byte* p = image.Pixels) // Tesseract copies the buffer into its own Pix here
            TesseractNative.TessBaseAPISetImage(api, p + (long)r.Y * image.Width + r.X, r.Width, r.Height, 1, image.Width);
        TesseractNative.TessBaseAPISetSourceResolution(api, (int)Math.Round(image.Dpi > 0 ? image.Dpi : 300));
    }

    /// <summary>Sets page mode and image (region only); returns the region's offset, or null when it is too small.</summary>
    private static (int X, int Y)? Prepare(TessApiHandle api, GrayImage image, PixelRect? region, PageSegMode mode)
    {
        PixelRect r = (region ?? new PixelRect(0, 0, image.Width, image.Height)).ClipTo(image.Width, image.Height);
        if (r.Width < 3 || r.Height < 3) return null; // Tesseract prints "Image too small to scale" and returns junk
        TesseractNative.TessBaseAPISetPageSegMode(api, (int)mode);
        SetImage(api, image, r);
        return (r.X, r.Y);
    }

    private static List<(string Text, PixelRect Box, double Confidence)> Iterate(TessApiHandle api, int level, (int X, int Y) offset)
    {
        var result = new List<(string, PixelRect, double)>();
        using var it = TesseractNative.TessBaseAPIGetIterator(api);
        if (it.IsInvalid) return result;
        IntPtr pageIt = TesseractNative.TessResultIteratorGetPageIterator(it);
        do
        {
            string? text = TesseractNative.TakeText(TesseractNative.TessResultIteratorGetUTF8Text(it, level))?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (!TesseractNative.TessPageIteratorBoundingBox(pageIt, level, out int l, out int t, out int r, out int b)) continue;
            double conf = Math.Clamp(TesseractNative.TessResultIteratorConfidence(it, level) / 100.0, 0, 1);
            result.Add((text, new PixelRect(l + offset.X, t + offset.Y, r - l, b - t), conf));
        } while (TesseractNative.TessResultIteratorNext(it, level));
        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _api.Dispose();
            _osd?.Dispose();
            _chinese?.Dispose();
            _latin?.Dispose();
        }
    }
}
