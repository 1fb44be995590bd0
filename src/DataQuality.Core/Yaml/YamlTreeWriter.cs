using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DataQuality.Core.Yaml;

/// <summary>
/// Writes a tree of dictionaries, lists and scalars (strings, booleans, integers, doubles, null) as block YAML
/// through YamlDotNet's emitter. Not its reflection serializer: dq ships as a NativeAOT executable, where that
/// serializer needs code generated at run time. Text that would read back as something else (<c>"123"</c>,
/// <c>"true"</c>, <c>"null"</c>, <c>"~"</c>, <c>".nan"</c>) is quoted, by the same rule <see cref="YamlJson"/>
/// reads plain scalars with, so a drafted contract means what the data held.
/// </summary>
internal static class YamlTreeWriter
{
    public static string Write(object? tree)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Node(emitter, tree);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Node(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                Plain(emitter, "");
                break;
            case string s:
                emitter.Emit(new Scalar(null, null, s, ReadsBackAsItself(s) ? ScalarStyle.Any : ScalarStyle.SingleQuoted, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case bool b:
                Plain(emitter, b ? "true" : "false");
                break;
            case double d:
                Plain(emitter, double.IsNaN(d) ? ".nan" : double.IsPositiveInfinity(d) ? ".inf" : double.IsNegativeInfinity(d) ? "-.inf" : d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f:
                Node(emitter, (double)f);
                break;
            case IFormattable number when value is int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                Plain(emitter, number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> mapping:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Any));
                foreach (var (key, item) in mapping)
                {
                    Node(emitter, key);
                    Node(emitter, item);
                }
                emitter.Emit(new MappingEnd());
                break;
            case System.Collections.IEnumerable sequence:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Any));
                foreach (var item in sequence) Node(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"YamlTreeWriter cannot write a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static bool ReadsBackAsItself(string text) =>
        YamlJson.PlainScalar(text) is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == text;
}
