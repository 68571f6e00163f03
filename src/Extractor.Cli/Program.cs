using System.CommandLine;
using Extractor.Cli.Commands;

// The CLI only wires the stages together: each command lives in Commands/ and calls Extractor.Core.
var root = new RootCommand("extractor — 部门预算/决算公开 PDF → 可查询的数据 (budget and performance disclosures to queryable facts)");
foreach (var command in new[]
{
    IngestCommand.Create(), WorkerCommand.Create(), QueryCommand.Create(), ExportCommand.Create(),
    ReviewCommand.Create(), StatsCommand.Create(), EvalCommand.Create(), TrainCommand.Create(), BenchCommand.Create(),
})
{
    root.Subcommands.Add(command);
}
return root.Parse(args).Invoke();
