using System.Globalization;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using YamlDotNet.RepresentationModel;

namespace DataQuality.Cli.Tests;

/// <summary>
/// dq suggest drafts an ODCS 3.1 contract; each suggested constraint is checked here against the data with
/// DuckDB, and the draft validates green end to end through the contracts engine.
/// </summary>
public sealed class SuggestCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string _file;

    public SuggestCommandTests()
    {
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "orders.parquet");
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("SELECT setseed(0.5)");
        db.Execute($"""
            COPY (SELECT i::BIGINT AS order_id,
                         ['new','paid','shipped'][1 + (i % 3)::INT] AS status,
                         CASE WHEN i % 10 = 0 THEN NULL ELSE round(random() * 500, 2) END AS amount,
                         uuid()::VARCHAR AS token,
                         'user' || (i % 97)::VARCHAR || '@example.org' AS email,
                         strftime(DATE '2024-01-01' + (i % 365)::INT, '%Y-%m-%d') AS day_text,
                         TIMESTAMP '2024-01-01' + to_minutes(i) AS created,
                         (i % 7)::INT AS bucket
                  FROM range(3000) t(i))
            TO {SqlText.Literal(_file)} (FORMAT parquet)
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Suggested_contract_is_odcs_and_every_constraint_holds_on_the_data()
    {
        var contractPath = Path.Combine(_dir, "contract.yaml");
        var run = await CliRunner.RunAsync("suggest", _file, "--output", contractPath);
        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("8 columns from 3,000 rows");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(contractPath, TestContext.Current.CancellationToken)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Scalar(root, "apiVersion").Should().Be("v3.1.0");
        Scalar(root, "kind").Should().Be("DataContract");
        var table = (YamlMappingNode)((YamlSequenceNode)root["schema"])[0];
        Scalar(table, "name").Should().Be("orders");
        var properties = ((YamlSequenceNode)table["properties"]).Cast<YamlMappingNode>().ToDictionary(p => Scalar(p, "name"));
        properties.Keys.Should().Equal("order_id", "status", "amount", "token", "email", "day_text", "created", "bucket");

        // What the profile should have concluded.
        Scalar(properties["order_id"], "logicalType").Should().Be("integer");
        Scalar(properties["order_id"], "unique").Should().Be("true");
        Scalar(properties["order_id"], "required").Should().Be("true");
        properties["amount"].Children.Should().NotContainKey(new YamlScalarNode("required"));
        properties["status"].Children.Should().NotContainKey(new YamlScalarNode("unique"));
        Scalar(properties["amount"], "logicalType").Should().Be("number");
        Scalar(properties["created"], "logicalType").Should().Be("timestamp");
        Option(properties["token"], "format").Should().Be("uuid");
        Option(properties["email"], "format").Should().Be("email");
        Option(properties["day_text"], "format").Should().Be("date");
        properties["bucket"].Children.Should().NotContainKey(new YamlScalarNode("quality"), "enums are for text columns");
        var valid = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)properties["status"]["quality"])[0])["arguments"])["validValues"])
            .Select(v => ((YamlScalarNode)v).Value!).ToList();
        valid.Should().Equal("new", "paid", "shipped");

        // Every constraint, checked by DuckDB on the data the contract came from.
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var from = $"read_parquet({SqlText.Literal(_file)})";
        long Count(string where) => Convert.ToInt64(db.Scalar($"SELECT count(*)::BIGINT FROM {from} WHERE {where}"), CultureInfo.InvariantCulture);
        foreach (var (name, p) in properties)
        {
            var col = SqlText.Identifier(name);
            if (p.Children.ContainsKey(new YamlScalarNode("required"))) Count($"{col} IS NULL").Should().Be(0, $"{name} required");
            if (p.Children.ContainsKey(new YamlScalarNode("unique")))
                db.Scalar($"SELECT (count(DISTINCT {col}) = count({col}))::BOOLEAN FROM {from}").Should().Be(true, $"{name} unique");
            if (p.Children.TryGetValue(new YamlScalarNode("logicalTypeOptions"), out var o) && o is YamlMappingNode options)
            {
                var isText = Scalar(p, "logicalType") is "date" or "timestamp";
                string Literal(string key) => isText
                    ? $"{Scalar(p, "logicalType").ToUpperInvariant()} {SqlText.Literal(Scalar(options, key).Replace('T', ' '))}"
                    : Scalar(options, key);
                if (options.Children.ContainsKey(new YamlScalarNode("minimum"))) Count($"{col} < {Literal("minimum")}").Should().Be(0, $"{name} minimum");
                if (options.Children.ContainsKey(new YamlScalarNode("maximum"))) Count($"{col} > {Literal("maximum")}").Should().Be(0, $"{name} maximum");
                if (options.Children.ContainsKey(new YamlScalarNode("minLength"))) Count($"length({col}) < {Scalar(options, "minLength")}").Should().Be(0);
                if (options.Children.ContainsKey(new YamlScalarNode("maxLength"))) Count($"length({col}) > {Scalar(options, "maxLength")}").Should().Be(0);
                switch (options.Children.TryGetValue(new YamlScalarNode("format"), out var f) ? ((YamlScalarNode)f).Value : null)
                {
                    case "uuid": Count($"TRY_CAST({col} AS UUID) IS NULL AND {col} IS NOT NULL").Should().Be(0); break;
                    case "email": Count($"NOT regexp_matches({col}, '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')").Should().Be(0); break;
                    case "date": Count($"TRY_CAST({col} AS DATE) IS NULL AND {col} IS NOT NULL").Should().Be(0); break;
                }
            }
            if (name == "status")
                Count($"{col} NOT IN ({string.Join(", ", valid.Select(SqlText.Literal))})").Should().Be(0);
        }
        // The margin widens ranges: the suggested bounds are strictly outside the observed ones.
        double.Parse(Option(properties["amount"], "maximum"), CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(Convert.ToDouble(db.Scalar($"SELECT max(amount) FROM {from}"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Suggested_contract_validates_green_on_the_data_it_came_from()
    {
        var contractPath = Path.Combine(_dir, "drafts", "orders.odcs.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(contractPath)!);
        (await CliRunner.RunAsync("suggest", _file, "--output", contractPath)).ExitCode.Should().Be(ExitCodes.Passed);

        // drafts/ is not in a git repository, so the data beside it is outside the contract's folder unless allowed.
        var run = await CliRunner.RunAsync("validate", "--contract", contractPath, "--format", "json", "--allow-path", _dir);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        run.Out.Should().Contain("\"success\": true").And.NotContain("\"status\": \"failed\"").And.NotContain("\"status\": \"error\"");
    }

    /// <summary>
    /// A draft must pass on the data it came from. NaN and infinities are outside the finite min and max a range
    /// is drawn from, and a TIME column is profiled as microseconds since midnight: the draft failed on NaN and
    /// ±inf and could not even be evaluated on TIME ("Cannot compare values of type TIME and INTEGER_LITERAL").
    /// </summary>
    [Fact]
    public async Task Non_finite_doubles_and_time_columns_get_a_draft_that_passes_on_their_data()
    {
        var file = Path.Combine(_dir, "readings.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"""
                COPY (SELECT i AS id,
                             CASE WHEN i = 5 THEN 'NaN'::DOUBLE WHEN i = 6 THEN 'inf'::DOUBLE WHEN i = 7 THEN '-inf'::DOUBLE ELSE i * 0.5 END AS reading,
                             CASE WHEN i = 8 THEN 'inf'::DOUBLE ELSE i * 2.0 END AS upper_only,
                             TIME '08:00:00' + to_seconds(i) AS taken_at
                      FROM range(200) t(i))
                TO {SqlText.Literal(file)} (FORMAT parquet)
                """);
        var contractPath = Path.Combine(_dir, "readings.yaml");

        (await CliRunner.RunAsync("suggest", file, "--output", contractPath)).ExitCode.Should().Be(ExitCodes.Passed);
        var run = await CliRunner.RunAsync("validate", "--contract", contractPath, "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(contractPath, TestContext.Current.CancellationToken)));
        var table = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["schema"])[0];
        var properties = ((YamlSequenceNode)table["properties"]).Cast<YamlMappingNode>().ToDictionary(p => Scalar(p, "name"));
        properties["reading"].Children.Keys.Select(k => ((YamlScalarNode)k).Value).Should().NotContain("logicalTypeOptions");
        ((YamlMappingNode)properties["upper_only"]["logicalTypeOptions"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).Should().Equal("minimum");
        Scalar(properties["taken_at"], "logicalType").Should().Be("time");
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string Option(YamlMappingNode property, string key) => Scalar((YamlMappingNode)property["logicalTypeOptions"], key);
}
