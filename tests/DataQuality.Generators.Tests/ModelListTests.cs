using DataQuality.Generators;

namespace DataQuality.Generators.Tests;

public sealed class ModelListTests
{
    [Fact]
    public void Names_with_tabs_newlines_and_backslashes_round_trip_and_an_empty_dataset_is_none()
    {
        ModelListEntry[] entries =
        [
            new(CheckFileKind.Suite, @"C:\repo\expectations\a b.yaml", "odd\tname\\x", "s3://b/ds=${ds}\n", ["a\\t"]),
            new(CheckFileKind.Contract, "/repo/contracts/c.yaml", "shop", null, ["orders", "order_items"]),
            new(CheckFileKind.Contract, "/repo/contracts/empty.yaml", "empty", null, []),
        ];

        var text = ModelList.Format(entries);

        text.Split('\n').Should().HaveCount(5, "a header, one line per file and the final newline");
        ModelList.Parse(text).Should().Equal(entries);
        ModelList.Parse(text.Replace("\n", "\r\n")).Should().Equal(entries);
    }

    [Fact]
    public void Text_that_is_not_this_versions_model_list_is_null()
    {
        ModelList.Parse("").Should().BeNull();
        ModelList.Parse("dq-models 2\n").Should().BeNull();
        ModelList.Parse("dq-models 1\nsuite\t/x.yaml\n").Should().BeNull();
        ModelList.Parse("dq-models 1\ntable\t/x.yaml\tx\t\tx\n").Should().BeNull();
    }
}
