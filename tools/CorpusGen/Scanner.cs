namespace CorpusGen;

/// <summary>An 8-bit raster with 1 (gray) or 3 (RGB) interleaved channels.</summary>
public sealed class Raster(int w, int h, int ch, byte[]? px = null)
{
    public readonly int W = w, H = h, Ch = ch;
    public readonly byte[] Px = px ?? Enumerable.Repeat((byte)255, w * h * ch).ToArray();

    public static Raster ReadPnm(string path)
    {
        var b = File.ReadAllBytes(path);
        int pos = 0;
        string Tok()
        {
            while (char.IsWhiteSpace((char)b[pos]) || b[pos] == '#') { if (b[pos] == '#') while (b[pos] != '\n') pos++; pos++; }
            int s = pos; while (!char.IsWhiteSpace((char)b[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(b, s, pos - s);
        }
        string magic = Tok(); int w = int.Parse(Tok()), h = int.Parse(Tok()); Tok(); pos++;
        int ch = magic == "P6" ? 3 : 1;
        var px = new byte[w * h * ch];
        Buffer.BlockCopy(b, pos, px, 0, px.Length);
        return new Raster(w, h, ch, px);
    }
}

/// <summary>
/// Publishes a document: text pages stay as LibreOffice exported them, scanned pages become phone-scan images
/// (skew, perspective, rotation, lighting, noise, blur, seal, 扫描全能王 footer, JPEG) in an image-only PDF.
/// </summary>
public static class Scanner
{
    public static int Publish(DocSpec doc, string src, string dst, string watermarkPdf, string scratch)
    {
        var scanned = Enumerable.Range(0, doc.Pages.Count).Where(i => doc.Pages[i].Scan is not null).ToList();
        if (scanned.Count == 0) { File.Copy(src, dst, true); return 0; }
        var images = new ImagePdf.Page[doc.Pages.Count];
        Parallel.ForEach(scanned, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var s = doc.Pages[i].Scan!;
            string prefix = Path.Combine(scratch, $"{doc.Name}-p{i + 1}");
            var args = new List<string> { "-r", s.Dpi.ToString(), "-f", (i + 1).ToString(), "-l", (i + 1).ToString(), "-singlefile" };
            if (!s.Color) args.Add("-gray");
            args.AddRange([src, prefix]);
            Tools.Run("pdftoppm", [.. args]);
            string file = prefix + (s.Color ? ".ppm" : ".pgm");
            var page = Raster.ReadPnm(file);
            File.Delete(file);
            var wm = Watermark(watermarkPdf, s.Dpi, s.Color, scratch, $"{doc.Name}-w{i}");
            var t0 = System.Diagnostics.Stopwatch.StartNew();
            var outImg = Distort(page, s, wm);
            double td = t0.Elapsed.TotalSeconds;
            images[i] = new ImagePdf.Page(Jpeg.Encode(outImg.Px, outImg.W, outImg.H, outImg.Ch, s.JpegQuality), outImg.W, outImg.H, outImg.Ch, s.Dpi);
            if (Environment.GetEnvironmentVariable("CORPUSGEN_TIMING") is not null)
                Console.Error.WriteLine($"    p{i + 1} {s.Dpi}dpi color={s.Color}: distort {td:0.00}s jpeg {t0.Elapsed.TotalSeconds - td:0.00}s");
        });
        if (scanned.Count == doc.Pages.Count)
        {
            ImagePdf.Write(dst, images);
            return scanned.Count;
        }
        // Mixed: split the text PDF, write each scanned page alone, join in order.
        var parts = new List<string>();
        for (int i = 0; i < doc.Pages.Count; i++)
        {
            string part = Path.Combine(scratch, $"{doc.Name}-part{i + 1:000}.pdf");
            if (images[i] is { } img) ImagePdf.Write(part, [img]);
            else Tools.Run("pdfseparate", "-f", (i + 1).ToString(), "-l", (i + 1).ToString(), src, part);
            parts.Add(part);
        }
        Tools.Run("pdfunite", [.. parts, dst]);
        foreach (var p in parts) File.Delete(p);
        return scanned.Count;
    }

    static Raster Watermark(string pdf, int dpi, bool color, string scratch, string name)
    {
        string prefix = Path.Combine(scratch, name);
        Tools.Run("pdftoppm", "-r", dpi.ToString(), "-gray", "-singlefile", pdf, prefix);
        var r = Raster.ReadPnm(prefix + ".pgm");
        File.Delete(prefix + ".pgm");
        return r;
    }

    public static Raster Distort(Raster src, ScanSpec s, Raster wm)
    {
        var rng = new Random(s.Seed);
        int w = src.W, h = src.H, ch = src.Ch;
        var img = new Raster(w, h, ch, (byte[])src.Px.Clone());
        // Footer watermark near the bottom edge (darken blend), then a red seal over text on some pages.
        int wx = (w - wm.W) / 2 + rng.Next(-w / 8, w / 8), wy = h - wm.H - (int)(s.Dpi * 0.25);
        for (int y = 0; y < wm.H; y++)
            for (int x = 0; x < wm.W; x++)
            {
                int tx = wx + x, ty = wy + y;
                if (tx < 0 || ty < 0 || tx >= w || ty >= h) continue;
                byte v = wm.Px[y * wm.W + x];
                for (int c = 0; c < ch; c++) { int o = (ty * w + tx) * ch + c; if (v < img.Px[o]) img.Px[o] = v; }
            }
        if (s.Seal) Seal(img, rng, s.Dpi);

        // Geometry: skew rotation plus slight perspective, sampled backwards with bilinear interpolation.
        double a = s.SkewDeg * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = w / 2.0, cy = h / 2.0;
        (double, double) Rot(double x, double y) => (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos);
        var dstPts = new[] { (0.0, 0.0), (w - 1.0, 0.0), (w - 1.0, h - 1.0), (0.0, h - 1.0) };
        var srcPts = dstPts.Select(p =>
        {
            var (x, y) = Rot(p.Item1, p.Item2);
            return (x + (rng.NextDouble() * 2 - 1) * s.Perspective * w, y + (rng.NextDouble() * 2 - 1) * s.Perspective * h);
        }).ToArray();
        var H = Homography(dstPts, srcPts);
        var outPx = new byte[w * h * ch];
        double lx = (rng.NextDouble() * 2 - 1) * s.Lighting, ly = (rng.NextDouble() * 2 - 1) * s.Lighting;
        double tint = ch == 3 ? 0.03 + rng.NextDouble() * 0.05 : 0;
        double[] paper = [1, 1 - tint, 1 - tint * 2];
        Parallel.For(0, h, y =>
        {
            uint state = (uint)(s.Seed ^ (y * 7919)) | 1;
            double fy = y / (double)h - 0.5;
            for (int x = 0; x < w; x++)
            {
                double d = H[6] * x + H[7] * y + 1;
                double sx = (H[0] * x + H[1] * y + H[2]) / d, sy = (H[3] * x + H[4] * y + H[5]) / d;
                double fx = x / (double)w - 0.5;
                double light = 1 - Math.Abs(lx) * 0.5 + lx * fx + ly * fy - s.Lighting * 0.6 * (fx * fx + fy * fy);
                state ^= state << 13; state ^= state >> 17; state ^= state << 5;
                double noise = ((state & 0xFFFF) / 65535.0 + (state >> 16) / 65535.0 - 1) * s.Noise;
                int o = (y * w + x) * ch;
                if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1)
                {
                    for (int c = 0; c < ch; c++) outPx[o + c] = (byte)Math.Clamp(238 * light * paper[c] + noise, 0, 255);
                    continue;
                }
                int x0 = (int)sx, y0 = (int)sy, x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
                double ax = sx - x0, ay = sy - y0;
                int i00 = (y0 * w + x0) * ch, i10 = (y0 * w + x1) * ch, i01 = (y1 * w + x0) * ch, i11 = (y1 * w + x1) * ch;
                var p = img.Px;
                for (int c = 0; c < ch; c++)
                {
                    double v = (p[i00 + c] * (1 - ax) + p[i10 + c] * ax) * (1 - ay) + (p[i01 + c] * (1 - ax) + p[i11 + c] * ax) * ay;
                    outPx[o + c] = (byte)Math.Clamp(v * light * paper[c] + noise, 0, 255);
                }
            }
        });
        var res = new Raster(w, h, ch, outPx);
        if (s.Blur > 0.5) res = BoxBlur(res);
        return s.Rotation switch { 90 => Rotate90(res), 180 => Rotate180(res), 270 => Rotate90(Rotate180(res)), _ => res };
    }

    static double Sample(Raster r, double x, double y, int c)
    {
        if (x < 0 || y < 0 || x > r.W - 1 || y > r.H - 1) return 238;
        int x0 = (int)x, y0 = (int)y, x1 = Math.Min(x0 + 1, r.W - 1), y1 = Math.Min(y0 + 1, r.H - 1);
        double fx = x - x0, fy = y - y0;
        double p00 = r.Px[(y0 * r.W + x0) * r.Ch + c], p10 = r.Px[(y0 * r.W + x1) * r.Ch + c];
        double p01 = r.Px[(y1 * r.W + x0) * r.Ch + c], p11 = r.Px[(y1 * r.W + x1) * r.Ch + c];
        return (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
    }

    /// <summary>Homography (8 parameters, h33 = 1) mapping the four points <paramref name="from"/> onto <paramref name="to"/>.</summary>
    public static double[] Homography((double X, double Y)[] from, (double X, double Y)[] to)
    {
        var m = new double[8, 9];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = from[i]; var (u, v) = to[i];
            double[] r1 = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] r2 = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (int k = 0; k < 9; k++) { m[2 * i, k] = r1[k]; m[2 * i + 1, k] = r2[k]; }
        }
        for (int col = 0; col < 8; col++)
        {
            int piv = col;
            for (int r = col + 1; r < 8; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[piv, col])) piv = r;
            for (int k = 0; k < 9; k++) (m[col, k], m[piv, k]) = (m[piv, k], m[col, k]);
            for (int r = 0; r < 8; r++)
            {
                if (r == col) continue;
                double f = m[r, col] / m[col, col];
                for (int k = col; k < 9; k++) m[r, k] -= f * m[col, k];
            }
        }
        var h = new double[8];
        for (int i = 0; i < 8; i++) h[i] = m[i, 8] / m[i, i];
        return h;
    }

    /// <summary>A red 公章: ring, star and text-like strokes along the ring, multiplied over the page.</summary>
    static void Seal(Raster img, Random rng, int dpi)
    {
        double r = dpi * (0.7 + rng.NextDouble() * 0.25);
        double cx = img.W * (0.45 + rng.NextDouble() * 0.35), cy = img.H * (0.3 + rng.NextDouble() * 0.55);
        double ring = dpi * 0.045, alpha = 0.55 + rng.NextDouble() * 0.35;
        int n = 14 + rng.Next(6);
        var strokes = new List<(double A0, double R0, double A1, double R1)>();
        for (int k = 0; k < n; k++)
        {
            double ang = Math.PI * (1.15 + 0.7 * k / (n - 1)) + Math.PI / 2;   // upper arc, like 单位名称 around a seal
            for (int s = 0; s < 4; s++)
                strokes.Add((ang + (rng.NextDouble() - 0.5) * 0.08, r * (0.62 + rng.NextDouble() * 0.22), ang + (rng.NextDouble() - 0.5) * 0.08, r * (0.62 + rng.NextDouble() * 0.22)));
        }
        int x0 = Math.Max(0, (int)(cx - r - 2)), x1 = Math.Min(img.W - 1, (int)(cx + r + 2));
        int y0 = Math.Max(0, (int)(cy - r - 2)), y1 = Math.Min(img.H - 1, (int)(cy + r + 2));
        double strokeW = dpi * 0.018;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
            {
                double dx = x - cx, dy = y - cy, d = Math.Sqrt(dx * dx + dy * dy);
                bool ink = Math.Abs(d - r + ring / 2) < ring / 2;
                if (!ink)
                {
                    // Five-pointed star in the middle.
                    double ang = Math.Atan2(dy, dx) + Math.PI / 2, sector = Math.PI / 5;
                    double t = Math.Abs(((ang % (2 * sector)) + 2 * sector) % (2 * sector) - sector) / sector;
                    double starR = r * 0.28 * (0.45 + 0.55 * t);
                    ink = d < starR * 0.95 && d < r * 0.28;
                }
                if (!ink)
                    foreach (var (a0, r0, a1, r1) in strokes)
                    {
                        double px0 = cx + Math.Cos(a0) * r0, py0 = cy + Math.Sin(a0) * r0, px1 = cx + Math.Cos(a1) * r1, py1 = cy + Math.Sin(a1) * r1;
                        if (SegDist(x, y, px0, py0, px1, py1) < strokeW) { ink = true; break; }
                    }
                if (!ink) continue;
                double[] red = [205, 38, 42];
                if (img.Ch == 1) { int o = y * img.W + x; img.Px[o] = (byte)(img.Px[o] * (1 - alpha) + Math.Min((int)img.Px[o], 120) * alpha); }
                else
                    for (int c = 0; c < 3; c++)
                    {
                        int o = (y * img.W + x) * 3 + c;
                        img.Px[o] = (byte)(img.Px[o] * (1 - alpha) + img.Px[o] * red[c] / 255 * alpha);
                    }
            }
    }

    static double SegDist(double x, double y, double x0, double y0, double x1, double y1)
    {
        double vx = x1 - x0, vy = y1 - y0, len = vx * vx + vy * vy;
        double t = len == 0 ? 0 : Math.Clamp(((x - x0) * vx + (y - y0) * vy) / len, 0, 1);
        double dx = x0 + t * vx - x, dy = y0 + t * vy - y;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    static Raster BoxBlur(Raster r)
    {
        var o = new byte[r.Px.Length];
        int w = r.W, h = r.H, ch = r.Ch;
        Parallel.For(0, h, y =>
        {
            for (int x = 0; x < w; x++)
                for (int c = 0; c < ch; c++)
                {
                    int s = 0, n = 0;
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int yy = y + dy, xx = x + dx;
                            if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
                            int wgt = dx == 0 && dy == 0 ? 4 : (dx == 0 || dy == 0 ? 2 : 1);
                            s += r.Px[(yy * w + xx) * ch + c] * wgt; n += wgt;
                        }
                    o[(y * w + x) * ch + c] = (byte)(s / n);
                }
        });
        return new Raster(w, h, ch, o);
    }

    static Raster Rotate180(Raster r)
    {
        var o = new byte[r.Px.Length];
        int n = r.W * r.H;
        for (int i = 0; i < n; i++)
            for (int c = 0; c < r.Ch; c++) o[(n - 1 - i) * r.Ch + c] = r.Px[i * r.Ch + c];
        return new Raster(r.W, r.H, r.Ch, o);
    }

    /// <summary>Rotates clockwise by 90°: the page lies on its side as a careless scan publishes it.</summary>
    static Raster Rotate90(Raster r)
    {
        var o = new byte[r.Px.Length];
        int w = r.W, h = r.H;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < r.Ch; c++) o[(x * h + (h - 1 - y)) * r.Ch + c] = r.Px[(y * w + x) * r.Ch + c];
        return new Raster(h, w, r.Ch, o);
    }
}
