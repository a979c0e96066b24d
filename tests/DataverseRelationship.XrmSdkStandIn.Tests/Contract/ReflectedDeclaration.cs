using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Contract;

/// <summary>Renders a reflected type and its public/protected members in api-subset.txt's notation.</summary>
public static class ReflectedDeclaration
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(char)] = "char",
    };

    public static string Kind(Type type)
    {
        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.IsInterface)
        {
            return "interface";
        }

        if (type.IsValueType)
        {
            return "struct";
        }

        if (type.IsAbstract && type.IsSealed)
        {
            return "static class";
        }

        return type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
    }

    /// <summary>The listed base type: the enum's underlying type, or the base class unless it is System.Object.</summary>
    public static string? BaseType(Type type)
    {
        if (type.IsEnum)
        {
            return Name(Enum.GetUnderlyingType(type));
        }

        return type.BaseType == null || type.BaseType == typeof(object) || type.IsInterface ? null : Name(type.BaseType);
    }

    /// <summary>The interfaces the type adds (for an interface: all it extends; for a class: those its base class does not implement).</summary>
    public static IReadOnlySet<string> Interfaces(Type type)
    {
        IEnumerable<Type> interfaces = type.GetInterfaces();
        if (!type.IsInterface && type.BaseType != null)
        {
            var inherited = new HashSet<Type>(type.BaseType.GetInterfaces());
            interfaces = interfaces.Where(i => !inherited.Contains(i));
        }

        return new HashSet<string>(interfaces.Select(Name), StringComparer.Ordinal);
    }

    public static string Declaration(Type type)
    {
        var baseList = new List<string>();
        string? baseType = BaseType(type);
        if (baseType != null)
        {
            baseList.Add(baseType);
        }

        baseList.AddRange(Interfaces(type).OrderBy(i => i, StringComparer.Ordinal));
        return $"public {Kind(type)} {Name(type)}" + (baseList.Count > 0 ? " : " + string.Join(", ", baseList) : string.Empty);
    }

    /// <summary>Each public or protected member declared by the type itself, rendered as one listing line.</summary>
    public static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (ConstructorInfo constructor in type.GetConstructors(Declared))
        {
            if (Visible(constructor) && !constructor.IsStatic)
            {
                yield return $"{Access(constructor)} {SimpleName(type)}({Parameters(constructor.GetParameters())})";
            }
        }

        foreach (FieldInfo field in type.GetFields(Declared))
        {
            if (Visible(field))
            {
                string modifiers = field.IsLiteral ? " const" : (field.IsStatic ? " static" : string.Empty) + (field.IsInitOnly ? " readonly" : string.Empty);
                yield return $"{(field.IsPublic ? "public" : "protected")}{modifiers} {Name(field.FieldType)} {field.Name}";
            }
        }

        foreach (PropertyInfo property in type.GetProperties(Declared))
        {
            MethodInfo? getter = property.GetMethod is { } g && Visible(g) ? g : null;
            MethodInfo? setter = property.SetMethod is { } s && Visible(s) ? s : null;
            MethodInfo? shown = getter ?? setter;
            if (shown == null)
            {
                continue;
            }

            string access = (getter?.IsPublic ?? false) || (setter?.IsPublic ?? false) ? "public" : "protected";
            var accessors = new List<string>();
            if (getter != null)
            {
                accessors.Add(getter.IsPublic || access == "protected" ? "get;" : "protected get;");
            }

            if (setter != null)
            {
                accessors.Add(setter.IsPublic || access == "protected" ? "set;" : "protected set;");
            }

            ParameterInfo[] index = property.GetIndexParameters();
            string name = index.Length > 0 ? $"this[{Parameters(index)}]" : property.Name;
            yield return $"{access}{Modifiers(shown, type)} {Name(property.PropertyType)} {name} {{ {string.Join(" ", accessors)} }}";
        }

        foreach (EventInfo @event in type.GetEvents(Declared))
        {
            if (@event.AddMethod is { } add && Visible(add))
            {
                yield return $"{Access(add)}{Modifiers(add, type)} event {Name(@event.EventHandlerType!)} {@event.Name}";
            }
        }

        foreach (MethodInfo method in type.GetMethods(Declared))
        {
            if (!Visible(method) || method.IsSpecialName)
            {
                continue;
            }

            string generics = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            yield return $"{Access(method)}{Modifiers(method, type)} {Name(method.ReturnType)} {method.Name}{generics}({Parameters(method.GetParameters())})";
        }

        foreach (Type nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem)
            {
                yield return $"nested {Kind(nested)} {nested.Name}";
            }
        }
    }

    /// <summary>A type reference as the listing writes it: C# keywords, T?, arrays, generic arguments, full names.</summary>
    public static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Keywords.TryGetValue(type, out string? keyword))
        {
            return keyword;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>))
        {
            return Name(type.GetGenericArguments()[0]) + "?";
        }

        string qualified = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return qualified;
        }

        int tick = qualified.IndexOf('`', StringComparison.Ordinal);
        string bare = tick < 0 ? qualified : qualified.Substring(0, tick);
        return bare + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }

    private static string SimpleName(Type type)
    {
        int tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name.Substring(0, tick);
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool Visible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Modifiers(MethodInfo method, Type declaringType)
    {
        if (declaringType.IsInterface)
        {
            return method.IsStatic ? " static" : string.Empty;
        }

        if (method.IsStatic)
        {
            return " static";
        }

        if (method.IsAbstract)
        {
            return " abstract";
        }

        if (!method.IsVirtual || method.IsFinal && method.GetBaseDefinition() == method)
        {
            return string.Empty;
        }

        bool overrides = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        if (overrides)
        {
            return method.IsFinal ? " sealed override" : " override";
        }

        return " virtual";
    }

    private static string Parameters(ParameterInfo[] parameters)
    {
        return string.Join(", ", parameters.Select(parameter =>
        {
            string prefix = string.Empty;
            if (parameter.ParameterType.IsByRef)
            {
                prefix = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
            }
            else if (parameter.IsDefined(typeof(ParamArrayAttribute), false))
            {
                prefix = "params ";
            }

            string suffix = parameter.HasDefaultValue ? " = " + (parameter.DefaultValue ?? "null") : string.Empty;
            return prefix + Name(parameter.ParameterType) + " " + parameter.Name + suffix;
        }));
    }

    /// <summary>True for types the compiler generates (closures, iterators), which are never public anyway.</summary>
    public static bool IsCompilerGenerated(Type type) => type.IsDefined(typeof(CompilerGeneratedAttribute), false);
}
