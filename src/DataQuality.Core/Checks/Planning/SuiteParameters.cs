using System.Globalization;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX suite parameters in bounds: <c>{"$PARAMETER": "now() - timedelta(weeks=52)"}</c>. The
/// expression language is the arithmetic subset GX evaluates itself: numbers, <c>+ - * /</c>,
/// parentheses, <c>now()</c> (UTC), <c>datetime(y, m, d[, H, M, S])</c>, <c>date(y, m, d)</c> and
/// <c>timedelta(weeks=, days=, hours=, minutes=, seconds=, milliseconds=, microseconds=)</c>. A
/// datetime becomes an ISO timestamp string, which bounds compare as an instant. A bare name is a run-time
/// parameter (GX's <c>expectation_parameters</c> / evaluation parameters): its value comes from the run's
/// variables (<c>dq --var name=value</c>, the xunit adapter's <c>DataQualityVariables</c>, then
/// <c>DQ_VAR_name</c>) and is read as a number, else an ISO date or timestamp, else text; a name without a value
/// is DQ1030, as an unset <c>${name}</c> is.
/// </summary>
public static class SuiteParameters
{
    public const string Key = "$PARAMETER";

    /// <summary>True when <paramref name="node"/> is a <c>{"$PARAMETER": ...}</c> object.</summary>
    public static bool IsParameter(JsonNode? node) => node is JsonObject o && o.Count == 1 && o.ContainsKey(Key);

    /// <summary>Evaluates the parameter to a JSON number, an ISO timestamp string or (a run-time parameter's) text; throws <see cref="FormatException"/> with a reason.</summary>
    /// <param name="variable">The value of a run-time parameter by name (throws DQ1030 when it has none); null: names have no value.</param>
    public static JsonValue Evaluate(JsonObject parameter, DateTime utcNow, Func<string, string>? variable = null)
    {
        if (parameter[Key] is not JsonValue v || !v.TryGetValue<string>(out var text))
            throw new FormatException("the $PARAMETER value must be a string expression");
        var parser = new Parser(text, utcNow, variable);
        var value = parser.Parse();
        return value switch
        {
            double d => JsonValue.Create(d),
            DateTime t => JsonValue.Create(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
            string word => JsonValue.Create(word),
            _ => throw new FormatException($"'{text}' is a time span, not a value a bound can compare with"),
        };
    }

    /// <summary>A variable's text as a number, else an ISO date or timestamp (UTC), else as it is.</summary>
    private static object Typed(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            // A NaN bound would make every comparison false: a pass or a failure that says nothing.
            return double.IsNaN(number) ? throw new FormatException($"suite parameter value '{value}' is not a number a bound can use") : number;
        if (value.Length >= 10 && char.IsDigit(value[0])
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
            return DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        return value;
    }

    private sealed class Parser(string text, DateTime now, Func<string, string>? variable)
    {
        private int _pos;

        public object Parse()
        {
            var value = Sum();
            Skip();
            if (_pos < text.Length) throw new FormatException($"unexpected '{text[_pos..]}' in '{text}'");
            return value;
        }

        private object Sum()
        {
            var left = Product();
            while (true)
            {
                Skip();
                if (Eat('+')) left = Add(left, Product(), 1);
                else if (Eat('-')) left = Add(left, Product(), -1);
                else return left;
            }
        }

        private object Product()
        {
            var left = Unary();
            while (true)
            {
                Skip();
                if (Eat('*')) left = Multiply(left, Unary());
                else if (Eat('/')) left = Divide(left, Unary());
                else return left;
            }
        }

        private object Unary()
        {
            Skip();
            if (Eat('-')) return Multiply(-1.0, Unary());
            if (Eat('+')) return Unary();
            if (Eat('('))
            {
                var inner = Sum();
                Skip();
                if (!Eat(')')) throw new FormatException($"missing ')' in '{text}'");
                return inner;
            }
            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) return Number();
            var name = Name();
            Skip();
            if (!Eat('('))
            {
                if (variable is null) throw new FormatException($"suite parameter '{name}' has no value here: run-time parameters come from dq --var {name}=VALUE, DataQualityVariables or DQ_VAR_{name}");
                var raw = variable(name);
                var value = Typed(raw);
                // Text is a bound on its own (a string column's min or max), never an operand.
                if (value is string && (_pos < text.Length || text.Trim() != name))
                    throw new FormatException($"suite parameter '{name}' is '{raw}', not a number or a date, so it cannot be computed with");
                return value;
            }
            var (positional, named) = Arguments();
            return name switch
            {
                "now" when positional.Count == 0 && named.Count == 0 => now,
                "datetime" or "date" when positional.Count is >= 3 and <= 6 && named.Count == 0 => new DateTime(
                    (int)positional[0], (int)positional[1], (int)positional[2],
                    positional.Count > 3 ? (int)positional[3] : 0, positional.Count > 4 ? (int)positional[4] : 0, positional.Count > 5 ? (int)positional[5] : 0, DateTimeKind.Utc),
                "timedelta" => TimeDelta(positional, named),
                _ => throw new FormatException($"unsupported function '{name}' in '{text}' (now, datetime, date, timedelta are supported)"),
            };
        }

        private static TimeSpan TimeDelta(List<double> positional, Dictionary<string, double> named)
        {
            if (positional.Count > 1) throw new FormatException("timedelta takes at most one positional argument (days)");
            var days = positional.Count == 1 ? positional[0] : 0;
            double ticks = days * TimeSpan.TicksPerDay;
            foreach (var (key, value) in named)
            {
                ticks += value * key switch
                {
                    "weeks" => 7 * TimeSpan.TicksPerDay,
                    "days" => TimeSpan.TicksPerDay,
                    "hours" => TimeSpan.TicksPerHour,
                    "minutes" => TimeSpan.TicksPerMinute,
                    "seconds" => TimeSpan.TicksPerSecond,
                    "milliseconds" => TimeSpan.TicksPerMillisecond,
                    "microseconds" => 10,
                    _ => throw new FormatException($"timedelta has no argument '{key}'"),
                };
            }
            return TimeSpan.FromTicks((long)ticks);
        }

        private (List<double> Positional, Dictionary<string, double> Named) Arguments()
        {
            var positional = new List<double>();
            var named = new Dictionary<string, double>(StringComparer.Ordinal);
            Skip();
            if (Eat(')')) return (positional, named);
            while (true)
            {
                Skip();
                var start = _pos;
                string? key = null;
                if (_pos < text.Length && char.IsLetter(text[_pos]))
                {
                    key = Name();
                    Skip();
                    if (!Eat('=')) { _pos = start; key = null; }
                }
                var value = Sum() is double d ? d : throw new FormatException($"function arguments must be numbers in '{text}'");
                if (key is null) positional.Add(value); else named[key] = value;
                Skip();
                if (Eat(')')) return (positional, named);
                if (!Eat(',')) throw new FormatException($"expected ',' or ')' in '{text}'");
            }
        }

        private double Number()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
            return double.Parse(text[start.._pos], CultureInfo.InvariantCulture);
        }

        private string Name()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (start == _pos) throw new FormatException($"unexpected '{(start < text.Length ? text[start..] : "end")}' in '{text}'");
            return text[start.._pos];
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private bool Eat(char c)
        {
            if (_pos < text.Length && text[_pos] == c) { _pos++; return true; }
            return false;
        }

        private static object Add(object a, object b, int sign) => (a, b) switch
        {
            (double x, double y) => x + sign * y,
            (DateTime t, TimeSpan s) => sign > 0 ? t + s : t - s,
            (TimeSpan s, DateTime t) when sign > 0 => t + s,
            (TimeSpan x, TimeSpan y) => sign > 0 ? x + y : x - y,
            (DateTime x, DateTime y) when sign < 0 => x - y,
            _ => throw new FormatException("cannot add or subtract these values"),
        };

        private static object Multiply(object a, object b) => (a, b) switch
        {
            (double x, double y) => x * y,
            (double x, TimeSpan s) => TimeSpan.FromTicks((long)(s.Ticks * x)),
            (TimeSpan s, double x) => TimeSpan.FromTicks((long)(s.Ticks * x)),
            _ => throw new FormatException("cannot multiply these values"),
        };

        private static object Divide(object a, object b) => (a, b) switch
        {
            (double x, double y) => x / y,
            (TimeSpan s, double x) => TimeSpan.FromTicks((long)(s.Ticks / x)),
            _ => throw new FormatException("cannot divide these values"),
        };
    }
}
