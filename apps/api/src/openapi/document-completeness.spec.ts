import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';
import { buildApiDocument } from './api-document';
import { ApiKeyAuth } from './api-key-auth.decorator';
import { findIncompleteOperations } from './document-completeness';

class WorkshopView {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

@ApiTags('workshops')
@ApiKeyAuth()
@Controller('workshops')
class CompleteController {
  @Get(':id')
  @ApiOperation({ summary: 'A workshop.' })
  @ApiOkResponse({ type: WorkshopView })
  @ApiProblems({ 404: ['event_not_found'] })
  get() {
    return { id: '4d3c2b1a-0000-4000-8000-000000000000' };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a workshop.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems({ 403: ['forbidden'] })
  remove() {}
}

/** What the test is for: the kind of controller someone adds in a hurry. */
@Controller('rooms')
class IncompleteController {
  @Get()
  list() {
    return [];
  }

  @Post()
  @ApiTags('rooms')
  @ApiOperation({ summary: 'Book a room.', operationId: 'rooms_book' })
  @ApiOkResponse({ description: 'Booked, says the text; the schema is missing.' })
  book() {
    return {};
  }

  @Post('again')
  @ApiTags('rooms')
  @ApiOperation({ summary: 'Book a room again.', operationId: 'rooms_book' })
  @ApiOkResponse({ type: WorkshopView })
  bookAgain() {
    return {};
  }
}

async function documentOf(...controllers: Array<new () => object>) {
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const document = buildApiDocument(app);
  await app.close();
  return document;
}

describe(findIncompleteOperations.name, () => {
  it('should find nothing missing in a controller that documents its answers and errors', async () => {
    expect(findIncompleteOperations(await documentOf(CompleteController))).toEqual([]);
  });

  it('should report each operation without summary, tag, success schema or declared errors, and duplicate ids', async () => {
    const gaps = findIncompleteOperations(await documentOf(IncompleteController));
    expect(gaps).toEqual([
      'GET /rooms: no summary',
      'GET /rooms: no tag',
      'GET /rooms: response 200 has no schema',
      'GET /rooms: its error codes are not declared (@ApiProblems)',
      'POST /rooms: response 200 has no schema',
      'POST /rooms: its error codes are not declared (@ApiProblems)',
      'POST /rooms/again: operationId rooms_book is also the id of POST /rooms',
      'POST /rooms/again: its error codes are not declared (@ApiProblems)',
    ]);
  });

  it('should give operations readable ids from controller and handler', async () => {
    const document = await documentOf(CompleteController);
    expect(document.paths['/workshops/{id}'].get?.operationId).toBe('complete_get');
    expect(document.paths['/workshops/{id}'].delete?.operationId).toBe('complete_remove');
  });
});
