/** What each protocol answers when a request names no operation it knows. */
import { AwsError } from '../errors/aws-error.js';

export const unknownOperation = (protocol: 'rest-xml' | 'json' | 'query', name: string, method: string): AwsError => {
  switch (protocol) {
    case 'json':
      return new AwsError({ code: 'UnknownOperationException', status: 400, message: `Unknown operation ${name}` });
    case 'query':
      return new AwsError({ code: 'InvalidAction', status: 400, message: `The action ${name} is not valid for this web service.` });
    case 'rest-xml':
      return new AwsError({
        code: 'MethodNotAllowed', status: 405, message: 'The specified method is not allowed against this resource.',
        fields: { Method: method, ResourceType: name },
      });
  }
};

export const invalidUri = (): AwsError =>
  new AwsError({ code: 'InvalidURI', status: 400, message: "Couldn't parse the specified URI." });

export const headerTooLarge = (): AwsError =>
  new AwsError({ code: 'RequestHeaderSectionTooLarge', status: 400, message: 'Your request header section exceeds the maximum allowed size.' });
