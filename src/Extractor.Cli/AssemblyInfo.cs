using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Extractor.Tests")]
