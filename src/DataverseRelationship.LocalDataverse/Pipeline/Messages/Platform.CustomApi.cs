using System;
using System.Linq;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>Running a Custom API: its parameters' types and its plugin in the main operation.</summary>
internal sealed partial class Platform
{
    private static Type ClrTypeOf(CustomApiFieldType type) => type switch
    {
        CustomApiFieldType.Boolean => typeof(bool),
        CustomApiFieldType.DateTime => typeof(DateTime),
        CustomApiFieldType.Decimal => typeof(decimal),
        CustomApiFieldType.Entity => typeof(Entity),
        CustomApiFieldType.EntityCollection => typeof(EntityCollection),
        CustomApiFieldType.EntityReference => typeof(EntityReference),
        CustomApiFieldType.Float => typeof(double),
        CustomApiFieldType.Integer => typeof(int),
        CustomApiFieldType.Money => typeof(Money),
        CustomApiFieldType.Picklist => typeof(OptionSetValue),
        CustomApiFieldType.String => typeof(string),
        CustomApiFieldType.StringArray => typeof(string[]),
        CustomApiFieldType.Guid => typeof(Guid),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Custom API field type."),
    };

    /// <summary>
    /// A Custom API: the request is checked against the definition, steps registered on the API's message run in
    /// their stages and the API's plugin type runs in the main operation (stage 30)
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api).
    /// </summary>
    private OrganizationResponse ExecuteCustomApi(CustomApiRegistration api, OrganizationRequest request, Caller caller)
    {
        // "Set the custom API Execute Privilege Name (ExecutePrivilegeName) property to the name of the privilege to
        // require it" (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api#secure-your-custom-api-with-a-privilege).
        if (api.ExecutePrivilegeName != null)
        {
            DemandPrivilege(caller.UserId, api.ExecutePrivilegeName);
        }

        var declared = api.RequestParameters.ToDictionary(p => p.UniqueName, StringComparer.Ordinal);
        var run = NewRun(api.UniqueName, api.BindingType == 0 ? "none" : api.BoundEntityLogicalName!, Guid.Empty, request);
        foreach (var parameter in request.Parameters)
        {
            if (parameter.Key == "Target" && api.BindingType != 0)
            {
                continue;
            }

            if (declared.TryGetValue(parameter.Key, out var field))
            {
                if (parameter.Value != null && parameter.Value.GetType() != ClrTypeOf(field.Type))
                {
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The parameter '{parameter.Key}' of Custom API '{api.UniqueName}' must be {ClrTypeOf(field.Type).FullName}, not {parameter.Value.GetType().FullName}.");
                }
            }
            else if (!OptionalPlatformParameters.Contains(parameter.Key, StringComparer.Ordinal))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The parameter '{parameter.Key}' is not declared by Custom API '{api.UniqueName}'.");
            }

            if (!OptionalPlatformParameters.Contains(parameter.Key, StringComparer.Ordinal))
            {
                run.Input[parameter.Key] = ValueCopy.Clone(parameter.Value)!;
            }
        }

        foreach (var field in api.RequestParameters.Where(p => !p.IsOptional))
        {
            if (!request.Parameters.TryGetValue(field.UniqueName, out var value) || value == null)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Required parameter '{field.UniqueName}' of Custom API '{api.UniqueName}' is missing.");
            }
        }

        if (api.BindingType != 0)
        {
            var target = RequireParameter<EntityReference>(request, "Target");
            if (target.LogicalName != api.BoundEntityLogicalName)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Custom API '{api.UniqueName}' is bound to {api.BoundEntityLogicalName}; its Target is a {target.LogicalName}.");
            }

            Store.Get(target.LogicalName, target.Id);
            run.Input["Target"] = ValueCopy.CloneReference(target);
            run.PrimaryId = target.Id;
        }

        NoteTarget(run.Table, run.PrimaryId);
        RunPipeline(run, caller, () => { }, api);
        var outputs = api.ResponseProperties.ToDictionary(p => p.UniqueName, StringComparer.Ordinal);
        var response = new OrganizationResponse { ResponseName = api.UniqueName };
        foreach (var output in run.Output)
        {
            if (!outputs.TryGetValue(output.Key, out var field))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The plugin of Custom API '{api.UniqueName}' set the output '{output.Key}', which the API does not declare.");
            }

            if (output.Value != null && output.Value.GetType() != ClrTypeOf(field.Type))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The output '{output.Key}' of Custom API '{api.UniqueName}' must be {ClrTypeOf(field.Type).FullName}, not {output.Value.GetType().FullName}.");
            }

            response.Results[output.Key] = ValueCopy.Clone(output.Value)!;
        }

        return response;
    }
}
