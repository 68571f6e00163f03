// Measures page orientation alone against a generated corpus's truth: every scanned page of the *.truth.json files
// under the folders given is rendered as ingest renders scans (200 dpi, red dropped) and turned by Orientation.Detect;
// the turn is right when it undoes the scan's recorded clockwise rotation. Prints one line per page and the count.
// Usage: OMP_THREAD_LIMIT=1 dotnet run --project tools/OrientationCheck -c Release -- DIR [DIR ...]
using System.Text.Json;
using Extractor.Imaging;
using Extractor.Ocr;
using Extractor.Pdf;

var jobs = new List<(string Pdf, int Page, int Rotation)>();
foreach (var dir in args)
    foreach (var truth in Directory.EnumerateFiles(dir, "*.truth.json", SearchOption.AllDirectories).Order())
    {
        using var json = JsonDocument.Parse(File.ReadAllText(truth));
        foreach (var p in json.RootElement.GetProperty("pages").EnumerateArray())
            if (p.GetProperty("scanned").GetBoolean())
                jobs.Add((truth.Replace(".truth.json", ".pdf"), p.GetProperty("page").GetInt32(), p.GetProperty("scan").GetProperty("rotation").GetInt32()));
    }
if (jobs.Count == 0) { Console.Error.WriteLine("no scanned pages with truth under: " + string.Join(' ', args)); return 2; }

int wrong = 0, done = 0;
var gate = new object();
// One OCR engine per worker thread (Tesseract instances are not shared).
Parallel.ForEach(jobs.GroupBy(j => j.Pdf), new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => new OcrEngine(), (doc, _, ocr) =>
{
    using var pdf = PdfDocument.Open(doc.Key);
    foreach (var job in doc)
    {
        using var page = pdf.GetPage(job.Page - 1);
        var decision = Orientation.Detect(page.Render(200, dropRed: true), ocr);
        bool right = decision.Degrees == (360 - job.Rotation) % 360;
        lock (gate)
        {
            done++;
            if (!right) wrong++;
            Console.WriteLine($"{doc.Key}\t{job.Page}\tscan turned {job.Rotation}\tturned back {decision.Degrees} ({decision.Method})\t{(right ? "ok" : "WRONG")}");
        }
    }
    return ocr;
}, ocr => ocr.Dispose());
Console.WriteLine($"{done} scanned pages, {wrong} turned wrongly");
return 0;
