using Ecommerce.Pipeline;

// ecommerce-pipeline [output-root] [--feature]: writes bronze/silver/gold Parquet under <root>/<layer>/<entity>/ds=<ds>/.
var feature = args.Contains("--feature");
var root = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("out", feature ? "feature" : "main"));
EcommercePipeline.Run(root, feature);
Console.WriteLine($"wrote {string.Join(", ", EcommercePipeline.Entities.Select(e => $"{e.Layer}/{e.Entity}"))} (ds={EcommercePipeline.Partition}) under {root}");
