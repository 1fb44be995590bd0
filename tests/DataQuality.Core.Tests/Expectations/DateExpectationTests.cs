using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

public sealed class DateExpectationTests : IDisposable
{
    private readonly MapTable _t = new("""
        SELECT * FROM (VALUES
          (1, '2019-04-01', 'Tue Apr 02 10:30:00 2019'),
          (2, '2019-4-2', '2019-04-02T10:30:00Z'),
          (3, '2019-13-01', 'Jan 5, 2020'),
          (4, NULL, '05/01/2020 14:00'),
          (5, '01/20/2019', 'cat'),
          (6, '2019-02-30', '13/01/2020')
        ) v(id, s, free)
        """);

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Strftime_accepts_what_python_strptime_accepts()
    {
        var r = _t.Run("expect_column_values_to_match_strftime_format", new { column = "s", strftime_format = "%Y-%m-%d", mostly = 0.5 });
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""["2019-13-01","01/20/2019","2019-02-30"]""", "unpadded fields parse; month 13 and Feb 30 do not");
        r.Success.Should().BeFalse("2 of 5 non-null values parse");
        r.Result.MissingCount.Should().Be(1);
    }

    [Fact]
    public void Strftime_expands_python_locale_composites()
    {
        var r = _t.Run("expect_column_values_to_match_strftime_format", new { column = "free", strftime_format = "%c", row_condition = "id = 1" });
        r.Success.Should().BeTrue();
        r.Result.ElementCount.Should().Be(1);
    }

    [Fact]
    public void Strftime_rejects_bad_formats_and_non_text_columns()
    {
        var bad = _t.Run("expect_column_values_to_match_strftime_format", new { column = "s", strftime_format = "%D" });
        bad.Status.Should().Be(CheckStatus.Error);
        bad.Exception!.Code.Should().Be("DQ4430");
        bad.Exception.Message.Should().Contain("Unable to use provided strftime_format.");
        _t.Run("expect_column_values_to_match_strftime_format", new { column = "s", strftime_format = "%G-%V" }).Exception!.Code.Should().Be("DQ4431");
        _t.Run("expect_column_values_to_match_strftime_format", new { column = "s", strftime_format = "%Y%" }).Exception!.Code.Should().Be("DQ4430");
        _t.Run("expect_column_values_to_match_strftime_format", new { column = "id", strftime_format = "%Y" })
            .Exception!.Message.Should().Contain("must be of type string");
    }

    [Fact]
    public void Dateutil_accepts_common_date_forms_and_rejects_words()
    {
        var r = _t.Run("expect_column_values_to_be_dateutil_parseable", new { column = "free" });
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""["cat"]""");
        _t.Run("expect_column_values_to_be_dateutil_parseable", new { column = "s" })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["2019-13-01","2019-02-30"]""");
        _t.Run("expect_column_values_to_be_dateutil_parseable", new { column = "id" }).Exception!.Code.Should().Be("DQ4410");
    }

    [Theory]
    [InlineData("14:00", true)]
    [InlineData("2:00 PM", true)]
    [InlineData("Jan 2020", true)]
    [InlineData("20200105", true)]
    [InlineData("2020-01", true)]
    [InlineData("2020", true)]
    [InlineData("5-Jan-2020", true)]
    [InlineData("05.01.2020", true)]
    [InlineData("1/2/20 10:30", true)]
    [InlineData("2019-04-02T10:30:00+02:00", true)]
    [InlineData("Tue, 02 Apr 2019 10:30:00 +0000", true)]
    [InlineData("  2020-01-05  ", true)]
    [InlineData("13/13/2020", false)]
    [InlineData("not a date 12:00", false)]
    [InlineData("2020-01-05 25:00", false)]
    [InlineData("", false)]
    public void Dateutil_subset(string text, bool parseable)
    {
        using var t = new MapTable($"SELECT 1 AS id, {DataQuality.Core.Datasets.SqlText.Literal(text)} AS v");
        t.Run("expect_column_values_to_be_dateutil_parseable", new { column = "v" }).Success.Should().Be(parseable);
    }
}
